import { personIdentityKey } from "@/lib/domain/person-identity";
import { dayPartOf, formatDayParts, formatWeekdays, parseDayParts, parseWeekdays } from "@/lib/domain/waitlist";

describe("stored wish preferences", () => {
  it("reads weekdays in order, each once, leaving out what is no ISO weekday", () => {
    expect(parseWeekdays("5,1,3,1")).toEqual([1, 3, 5]);
    expect(parseWeekdays(" 2 , 7")).toEqual([2, 7]);
    expect(parseWeekdays("0,8,x,1.5,")).toEqual([]);
    expect(parseWeekdays("")).toEqual([]);
  });

  it("writes weekdays in order, each once, and reads back what it wrote", () => {
    expect(formatWeekdays([5, 1, 3, 3])).toBe("1,3,5");
    expect(parseWeekdays(formatWeekdays([7, 6]))).toEqual([6, 7]);
  });

  it("reads and writes parts of the day in order, unknown ones left out", () => {
    expect(parseDayParts("AFTERNOON,MORNING")).toEqual(["MORNING", "AFTERNOON"]);
    expect(parseDayParts("EVENING,morning")).toEqual([]);
    expect(formatDayParts(["AFTERNOON", "MORNING", "AFTERNOON"])).toBe("MORNING,AFTERNOON");
    expect(formatDayParts(["AFTERNOON"])).toBe("AFTERNOON");
  });

  it("a start before 12:00 is morning, from 12:00 afternoon", () => {
    expect(dayPartOf(0)).toBe("MORNING");
    expect(dayPartOf(11 * 60 + 59)).toBe("MORNING");
    expect(dayPartOf(12 * 60)).toBe("AFTERNOON");
    expect(dayPartOf(23 * 60 + 59)).toBe("AFTERNOON");
  });
});

describe("person identity key", () => {
  it("is the same for spellings of one person and differs for another date of birth or name", () => {
    const a = personIdentityKey({ givenName: "Zoë", familyName: "Groß-Müller", dateOfBirth: "1990-05-07" });
    expect(personIdentityKey({ givenName: " zoe ", familyName: "GROSS MUELLER", dateOfBirth: "1990-05-07" })).toBe(a);
    expect(personIdentityKey({ givenName: "Groß-Müller", familyName: "Zoë", dateOfBirth: "1990-05-07" })).toBe(a);
    expect(personIdentityKey({ familyName: "Zoë Groß-Müller", dateOfBirth: "1990-05-07" })).toBe(a);
    expect(personIdentityKey({ givenName: "Zoë", familyName: "Groß-Müller", dateOfBirth: "1990-05-08" })).not.toBe(a);
    expect(personIdentityKey({ givenName: "Zoë", familyName: "Groß-Maier", dateOfBirth: "1990-05-07" })).not.toBe(a);
  });
});
