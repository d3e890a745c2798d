import { bookableDates, datesBetween } from "@/lib/domain";
import { BERLIN, office, seededRandom } from "@/tests/helpers/scenario";

// The citizen's calendar says why a day has no free time: over, too soon, closed, a public holiday, fully booked or
// not bookable yet. The domain decides it with the same capacity and booking rule that list the free times.

// 2027: Monday 1 March; Good Friday 26 March and Easter Monday 29 March are holidays in Rhineland-Palatinate;
// summer time starts on Sunday 28 March and ends on Sunday 31 October.

/** Given an office open Mon-Fri 08:00-12:00 with one clerk, 30-minute appointments, on Wednesday 3 March at 10:00. */
const weekOffice = () =>
  office(BERLIN)
    .open("Mon-Fri", "08:00-12:00", { clerks: 1 })
    .service("beratung", 30)
    .rules({ slotStepMinutes: 30, minNoticeMinutes: 0, bookingHorizonDays: 30 })
    .now("2027-03-03 10:00");

const kinds = (o: ReturnType<typeof office>, from: string, to: string) =>
  Object.fromEntries(datesBetween(from, to).map((date) => [date, o.day(date).kind]));

describe("the status of each day of a week", () => {
  it("tells past, free, closed and fully booked days apart, with a pinned clock", () => {
    const o = weekOffice().closed("2027-03-04").booked("2027-03-05", "08:00-12:00");
    expect(kinds(o, "2027-03-01", "2027-03-07")).toEqual({
      "2027-03-01": "past",
      "2027-03-02": "past",
      "2027-03-03": "free",
      "2027-03-04": "closed",
      "2027-03-05": "fullyBooked",
      "2027-03-06": "closed",
      "2027-03-07": "closed",
    });
  });

  it("is not bookable yet after the horizon, and bookable on its last day", () => {
    const o = weekOffice();
    expect(o.day("2027-04-02").kind).toBe("free");
    expect(o.day("2027-04-05").kind).toBe("beyondHorizon");
  });

  it("is free exactly on the days that list free times, whatever the bookings", () => {
    const random = seededRandom(11);
    const o = weekOffice().open("Sat", "09:00-10:00", { clerks: 2 }).holidaysOf("DE-RP");
    for (const date of datesBetween("2027-03-03", "2027-04-02")) {
      for (let hour = 8; hour < 12; hour++) {
        if (random() < 0.8) o.booked(date, `${String(hour).padStart(2, "0")}:00-${String(hour + 1).padStart(2, "0")}:00`);
      }
    }
    for (const date of datesBetween("2027-02-22", "2027-04-11")) {
      expect({ date, free: o.day(date).kind === "free" }).toEqual({ date, free: o.slots(date).length > 0 });
    }
  });
});

describe("a day partly past", () => {
  it("is free while a later time is free, even though its morning is over", () => {
    const o = weekOffice().booked("2027-03-03", "08:00-10:00");
    expect(o.slotTimes("2027-03-03")).toEqual(["10:00", "10:30", "11:00", "11:30"]);
    expect(o.day("2027-03-03").kind).toBe("free");
  });

  it("is fully booked when bookings take every time that is left", () => {
    const o = weekOffice().booked("2027-03-03", "10:00-12:00");
    expect(o.day("2027-03-03").kind).toBe("fullyBooked");
  });

  it("is over once its last start has gone by, however free it was", () => {
    expect(weekOffice().now("2027-03-03 11:31").day("2027-03-03").kind).toBe("past");
    // 11:30 can still be booked at 11:30.
    expect(weekOffice().now("2027-03-03 11:30").day("2027-03-03").kind).toBe("free");
  });

  it("is too soon while its remaining starts lie inside the minimum notice, and so are the next days", () => {
    const o = weekOffice().rules({ minNoticeMinutes: 2 * 24 * 60 });
    expect(kinds(o, "2027-03-03", "2027-03-06")).toEqual({
      "2027-03-03": "tooSoon",
      "2027-03-04": "tooSoon",
      // Friday from 10:00 on is two days ahead.
      "2027-03-05": "free",
      "2027-03-06": "closed",
    });
    expect(bookableDates({ minNoticeMinutes: 2 * 24 * 60, bookingHorizonDays: 30 }, BERLIN, new Date("2027-03-03T09:00:00Z"))).toEqual({
      today: "2027-03-03",
      first: "2027-03-05",
      last: "2027-04-02",
    });
  });

  it("is fully booked when the times after the notice are taken, even if earlier ones would be free", () => {
    const o = weekOffice().rules({ minNoticeMinutes: 60 }).booked("2027-03-03", "11:00-12:00");
    expect(o.day("2027-03-03").kind).toBe("fullyBooked");
  });
});

describe("public holidays", () => {
  const holidayOffice = () => weekOffice().holidaysOf("DE-RP").rules({ bookingHorizonDays: 60 });

  it("name the holiday that closes the day, even where clerks are planned", () => {
    const o = holidayOffice().override("2027-03-26", "08:00-12:00", { clerks: 3 });
    expect(o.day("2027-03-26")).toEqual({ kind: "holiday", holiday: { date: "2027-03-26", name: "Karfreitag" } });
    expect(o.day("2027-03-29")).toEqual({ kind: "holiday", holiday: { date: "2027-03-29", name: "Ostermontag" } });
  });

  it("opened as an exception, are an ordinary day: free, or fully booked", () => {
    const o = holidayOffice().opensOnHoliday("2027-03-29");
    expect(o.day("2027-03-29").kind).toBe("free");
    expect(o.day("2027-03-26").kind).toBe("holiday");
    o.booked("2027-03-29", "08:00-12:00");
    expect(o.day("2027-03-29").kind).toBe("fullyBooked");
  });

  it("are closed, not past, on the day itself", () => {
    expect(holidayOffice().now("2027-03-26 09:00").day("2027-03-26").kind).toBe("holiday");
    expect(holidayOffice().now("2027-03-27 09:00").day("2027-03-26").kind).toBe("past");
  });
});

describe("capacity for this service and party", () => {
  it("is closed for a service no clerk serves that day, and free for one they serve", () => {
    const o = office(BERLIN)
      .service("pass", 30)
      .service("visum", 30)
      .open("Mon", "08:00-12:00", { clerks: 1, services: ["pass"] })
      .now("2027-03-01 07:00");
    expect(o.day("2027-03-01", { service: "pass" }).kind).toBe("free");
    expect(o.day("2027-03-01", { service: "visum" }).kind).toBe("closed");
  });

  it("is fully booked for a family when no gap is long enough, and free for one person", () => {
    const o = office(BERLIN)
      .service("beratung", 30, { extraPersonMinutes: 30, maxPersons: 4 })
      .open("Mon", "08:00-12:00", { clerks: 1 })
      .booked("2027-03-01", "09:00-09:30")
      .booked("2027-03-01", "10:30-11:00")
      .now("2027-03-01 07:00");
    expect(o.day("2027-03-01", { persons: 1 }).kind).toBe("free");
    expect(o.day("2027-03-01", { persons: 3 }).kind).toBe("fullyBooked");
  });

  it("is closed when the opening is shorter than the appointment", () => {
    const o = office(BERLIN).service("lang", 90).open("Mon", "08:00-09:00").now("2027-03-01 07:00");
    expect(o.day("2027-03-01").kind).toBe("closed");
  });
});

describe("daylight saving time", () => {
  /** Given an office open on Sunday nights 01:00-04:00 with one clerk. */
  const nightOffice = () =>
    office(BERLIN).open("Sun", "01:00-04:00", { clerks: 1 }).service("pass", 30).rules({ bookingHorizonDays: 400 });

  it("spring forward: the two real hours fully booked make the day fully booked", () => {
    // 01:00-02:00 CET and 03:00-04:00 CEST are the whole night of 28 March 2027.
    const o = nightOffice()
      .now("2027-03-20 12:00")
      .bookedInstants("2027-03-28T00:00:00Z", "2027-03-28T01:00:00Z")
      .bookedInstants("2027-03-28T01:00:00Z", "2027-03-28T02:00:00Z");
    expect(o.day("2027-03-28").kind).toBe("fullyBooked");
    // The same wall-clock bookings a week earlier leave 02:00-03:00 free.
    o.booked("2027-03-21", "01:00-02:00").booked("2027-03-21", "03:00-04:00");
    expect(o.slotTimes("2027-03-21")).toEqual(["02:00", "02:30"]);
    expect(o.day("2027-03-21").kind).toBe("free");
  });

  it("spring forward: the day is over after its last real start, not an hour later", () => {
    // The last start is 03:30 CEST (01:30 UTC); at 03:31 CEST the day is over.
    expect(nightOffice().now("2027-03-28T01:30:00Z").day("2027-03-28").kind).toBe("free");
    expect(nightOffice().now("2027-03-28T01:31:00Z").day("2027-03-28").kind).toBe("past");
  });

  it("a block inside the skipped hour leaves the day closed", () => {
    const o = office(BERLIN).open("Sun", "02:00-03:00").service("pass", 30).now("2027-03-20 12:00");
    expect(o.day("2027-03-21").kind).toBe("free");
    expect(o.day("2027-03-28").kind).toBe("closed");
  });

  it("fall back: the repeated hour still has free times after three booked hours", () => {
    // On 31 October 2027, 01:00 CEST to 04:00 CET is four real hours (23:00 to 03:00 UTC).
    const o = nightOffice()
      .now("2027-10-20 12:00")
      .bookedInstants("2027-10-30T23:00:00Z", "2027-10-31T02:00:00Z");
    expect(o.day("2027-10-31").kind).toBe("free");
    o.bookedInstants("2027-10-31T02:00:00Z", "2027-10-31T03:00:00Z");
    expect(o.day("2027-10-31").kind).toBe("fullyBooked");
  });
});
