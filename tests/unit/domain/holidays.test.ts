import { capacityForDate, closingHoliday, holidayName, publicHolidayOn, publicHolidays } from "@/lib/domain";
import { office } from "../../helpers/scenario";

// The statutory public holidays of an office's region close it by default, in every year, unless the office opens a
// single holiday as an exception. Listing, checking and "next free slot" all see the same closed days.

// The statutory public holidays of Rhineland-Palatinate in 2027, as the state publishes them.
const RP_2027: Array<[string, string]> = [
  ["2027-01-01", "Neujahr"],
  ["2027-03-26", "Karfreitag"],
  ["2027-03-29", "Ostermontag"],
  ["2027-05-01", "Tag der Arbeit"],
  ["2027-05-06", "Christi Himmelfahrt"],
  ["2027-05-17", "Pfingstmontag"],
  ["2027-05-27", "Fronleichnam"],
  ["2027-10-03", "Tag der Deutschen Einheit"],
  ["2027-11-01", "Allerheiligen"],
  ["2027-12-25", "1. Weihnachtstag"],
  ["2027-12-26", "2. Weihnachtstag"],
];

// Easter moves: Good Friday and Easter Monday of several years (Easter Sunday 2026-04-05, 2028-04-16, 2029-04-01,
// 2030-04-21, 2031-04-13).
const EASTER: Array<[number, string, string]> = [
  [2026, "2026-04-03", "2026-04-06"],
  [2028, "2028-04-14", "2028-04-17"],
  [2029, "2029-03-30", "2029-04-02"],
  [2030, "2030-04-19", "2030-04-22"],
  [2031, "2031-04-11", "2031-04-14"],
];

describe("public holidays of Rhineland-Palatinate", () => {
  const holidays = publicHolidays("DE-RP", "2027-01-01", "2027-12-31");

  it("2027 are exactly the official list, by date", () => {
    expect(holidays.map((h) => h.date)).toEqual(RP_2027.map(([date]) => date));
  });

  it("carry their German names (1 May is called Maifeiertag by the library)", () => {
    const names = new Map(holidays.map((h) => [h.date, h.name]));
    for (const [date, name] of RP_2027) {
      if (date === "2027-05-01") expect(names.get(date)).toMatch(/Maifeiertag|Tag der Arbeit/);
      else expect(names.get(date)).toBe(name);
    }
  });

  it("are computed for every year: eleven a year, with Easter's moving dates", () => {
    for (let year = 2026; year <= 2040; year++) {
      expect(publicHolidays("DE-RP", `${year}-01-01`, `${year}-12-31`)).toHaveLength(11);
    }
    for (const [year, goodFriday, easterMonday] of EASTER) {
      const dates = publicHolidays("DE-RP", `${year}-01-01`, `${year}-12-31`).map((h) => h.date);
      expect(dates).toEqual(expect.arrayContaining([goodFriday, easterMonday, `${year}-10-03`, `${year}-12-25`]));
      expect(publicHolidayOn("DE-RP", goodFriday)).toEqual({ date: goodFriday, name: "Karfreitag" });
    }
  });

  it("name the holiday of a date, and nothing on other days", () => {
    expect(publicHolidayOn("DE-RP", "2028-10-03")).toEqual({ date: "2028-10-03", name: "Tag der Deutschen Einheit" });
    expect(publicHolidayOn("DE-RP", "2028-10-04")).toBeNull();
  });

  it("leave out observances and half days that are no public holidays", () => {
    const dates = holidays.map((h) => h.date);
    for (const notOne of ["2027-02-08", "2027-03-28", "2027-05-16", "2027-11-17", "2027-12-24", "2027-12-31"]) {
      expect(dates).not.toContain(notOne);
      expect(publicHolidayOn("DE-RP", notOne)).toBeNull();
    }
  });

  it("differ from a state with other holidays (Bavaria keeps Heilige Drei Könige, RP does not)", () => {
    expect(publicHolidays("DE-BY", "2027-01-06", "2027-01-06").map((h) => h.date)).toEqual(["2027-01-06"]);
    expect(publicHolidays("DE-RP", "2027-01-06", "2027-01-06")).toEqual([]);
  });

  it("cross the turn of the year in a range of twelve months", () => {
    const next = publicHolidays("DE-RP", "2027-11-15", "2028-11-14");
    expect(next[0]).toMatchObject({ date: "2027-12-25" });
    expect(next.map((h) => h.date)).toContain("2028-01-01");
    expect(next.every((h) => h.date >= "2027-11-15" && h.date <= "2028-11-14")).toBe(true);
  });
});

describe("holiday names in the calendar's languages", () => {
  it("come in the asked language where the library has it", () => {
    expect(holidayName("DE-RP", "2027-12-25", "en")).toEqual({ name: "Christmas Day", language: "en" });
    expect(holidayName("DE-RP", "2027-03-26", "fr")).toEqual({ name: "Vendredi saint", language: "fr" });
    expect(holidayName("DE-RP", "2027-01-01", "ar")).toEqual({ name: "عيد رأس السنة", language: "ar" });
  });

  it("fall back to the German name, marked as German, where it has not", () => {
    expect(holidayName("DE-RP", "2027-03-26", "ar")).toEqual({ name: "Karfreitag", language: "de" });
    expect(holidayName("DE-RP", "2027-10-03", "fa")).toEqual({ name: "Tag der Deutschen Einheit", language: "de" });
    expect(holidayName("DE-RP", "2027-03-29", "de")).toEqual({ name: "Ostermontag", language: "de" });
  });

  it("are null on a date that is no holiday of the region", () => {
    expect(holidayName("DE-RP", "2027-01-06", "en")).toBeNull();
    expect(holidayName("DE-BY", "2027-01-06", "de")).toEqual({ name: "Heilige Drei Könige", language: "de" });
  });
});

describe("an office closed on the holidays of its region", () => {
  // Given an office open Monday to Friday 08:00-12:00 in Rhineland-Palatinate, booking up to two years ahead, on
  // Wednesday 1 December 2026 ...
  const rp = () =>
    office()
      .holidaysOf("DE-RP")
      .open("Mon-Fri", "08:00-12:00", { clerks: 2 })
      .rules({ bookingHorizonDays: 730, minNoticeMinutes: 0 })
      .now("2026-12-01 07:00");

  it("offers nothing on a weekday holiday two years ahead, and the usual times the day before", () => {
    const s = rp();
    expect(s.slotTimes("2028-04-14")).toEqual([]);
    expect(s.slotTimes("2028-04-13")).toHaveLength(8);
    expect(s.check("2028-04-14 09:00")).toBe("not-offered");
    expect(s.check("2028-04-13 09:00")).toBe("ok");
  });

  it("skips Good Friday and Easter Monday when looking for the next free slot", () => {
    expect(rp().next({ from: "2028-04-14" })).toBe("2028-04-18 08:00");
  });

  it("opens one holiday as an exception, by its weekly plan, and no other", () => {
    const s = rp().opensOnHoliday("2028-04-14");
    expect(s.slotTimes("2028-04-14")).toHaveLength(8);
    expect(s.check("2028-04-14 09:00")).toBe("ok");
    expect(s.slotTimes("2028-04-17")).toEqual([]);
    expect(s.slotTimes("2029-03-30")).toEqual([]);
  });

  it("stays closed on a holiday with an override, unless opened; opened, the override applies", () => {
    const closed = rp().override("2028-05-01", "10:00-11:00");
    expect(closed.slotTimes("2028-05-01")).toEqual([]);
    const opened = rp().override("2028-05-01", "10:00-11:00").opensOnHoliday("2028-05-01");
    expect(opened.slotTimes("2028-05-01")).toEqual(["10:00", "10:30"]);
  });

  it("ignores an opening on a date that is no holiday: a closure there still closes", () => {
    const s = rp().closed("2028-04-13").opensOnHoliday("2028-04-13");
    expect(s.slotTimes("2028-04-13")).toEqual([]);
  });

  it("closes by the office's own region (Heilige Drei Könige in Bavaria only)", () => {
    expect(rp().slotTimes("2028-01-06")).toHaveLength(8);
    const bavaria = office().holidaysOf("DE-BY").open("Mon-Fri", "08:00-12:00").rules({ bookingHorizonDays: 730 }).now("2026-12-01 07:00");
    expect(bavaria.slotTimes("2028-01-06")).toEqual([]);
  });

  it("without a region, no holiday closes it", () => {
    const s = office().open("Mon-Fri", "08:00-12:00").rules({ bookingHorizonDays: 730 }).now("2026-12-01 07:00");
    expect(s.slotTimes("2028-04-14")).toHaveLength(8);
  });

  it("closes exactly the local date: Easter Monday after the spring-forward night, not the UTC day", () => {
    // Open around the clock on Easter Sunday and Monday 2027; clocks go forward in the night to Sunday 28 March.
    const s = office()
      .holidaysOf("DE-RP")
      .open("Mon,Sun", "00:00-24:00")
      .rules({ bookingHorizonDays: 730, slotStepMinutes: 60 })
      .now("2027-03-01 07:00");
    const sunday = s.slotTimes("2027-03-28");
    expect(sunday).toHaveLength(23);
    expect(sunday.at(-1)).toBe("23:00");
    expect(s.slotTimes("2027-03-29")).toEqual([]);
    expect(s.check("2027-03-28 23:00")).toBe("ok");
    expect(s.check("2027-03-29 00:00")).toBe("not-offered");
  });

  it("tells which holiday closes a date, for calendars that show its name", () => {
    const schedule = { holidayRegion: "DE-RP", openHolidays: ["2028-04-17"] };
    expect(closingHoliday(schedule, "2028-04-14")).toEqual({ date: "2028-04-14", name: "Karfreitag" });
    expect(closingHoliday(schedule, "2028-04-17")).toBeNull();
    expect(closingHoliday(schedule, "2028-04-13")).toBeNull();
    expect(closingHoliday({ holidayRegion: null }, "2028-04-14")).toBeNull();
  });

  it("has no capacity on a closed holiday, whatever the weekly blocks", () => {
    const schedule = {
      timeZone: "Europe/Berlin",
      weeklyBlocks: [{ weekday: 5 as const, startMinute: 480, endMinute: 720, clerks: 3 }],
      dateOverrides: [],
      closures: [],
      holidayRegion: "DE-RP",
    };
    expect(capacityForDate(schedule, "2028-04-14")).toEqual([]);
    expect(capacityForDate({ ...schedule, openHolidays: ["2028-04-14"] }, "2028-04-14")).toHaveLength(1);
  });
});
