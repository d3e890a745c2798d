import { loadSlotCalendar } from "@/lib/server/services/slot-calendar";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { at, createOfficeFixture, openOn } from "../helpers/office-fixture";
import { bookOnline } from "../helpers/integration/bookings";

// The citizen's calendar tells each day of the week apart, from the office's data in the database: given an office
// in Rhineland-Palatinate open Monday to Friday 08:00-12:00 with one clerk, an hour's notice and a 30-day horizon,
// on Wednesday 24 March 2027 at 10:00, two days before Good Friday.

const NOW = at("2027-03-24", "10:00");
const query = { officeSlug: "testamt", serviceSlug: "beratung", persons: 1, now: NOW };

/** How often each date's clerk capacity was computed: the next-slot search and the week share one availability. */
const capacityComputed = new Map<string, number>();
jest.mock("@/lib/domain/capacity", () => {
  const actual = jest.requireActual<typeof import("@/lib/domain/capacity")>("@/lib/domain/capacity");
  return {
    ...actual,
    capacityCalendar: (...args: Parameters<typeof actual.capacityCalendar>) => {
      const capacityOn = actual.capacityCalendar(...args);
      return (date: string) => {
        capacityComputed.set(date, (capacityComputed.get(date) ?? 0) + 1);
        return capacityOn(date);
      };
    },
  };
});

const kinds = (calendar: Awaited<ReturnType<typeof loadSlotCalendar>>) =>
  Object.fromEntries(calendar.days.map((d) => [d.date, d.status.kind]));

describeEachDatabase("the slot calendar's days", (ctx) => {
  let officeId: string;

  eachTestOnEmptyDatabase(ctx, async () => {
    const { office } = await createOfficeFixture(ctx.db, {
      blocks: openOn("Mon-Fri", "08:00-12:00", 1),
      services: [{ slug: "beratung", durationMinutes: 30 }],
    });
    officeId = office.id;
  });

  it("says which days are over, free, fully booked, a holiday or closed", async () => {
    for (const [n, time] of ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].entries()) {
      await bookOnline(ctx.db, { ...query, start: at("2027-03-25", time) }, n);
    }
    const calendar = await loadSlotCalendar(ctx.db, { ...query, week: "2027-03-22" });
    expect(kinds(calendar)).toEqual({
      "2027-03-22": "past",
      "2027-03-23": "past",
      "2027-03-24": "free",
      "2027-03-25": "fullyBooked",
      "2027-03-26": "holiday",
      "2027-03-27": "closed",
      "2027-03-28": "closed",
    });
    expect(calendar.days[4].status).toEqual({ kind: "holiday", holiday: { date: "2027-03-26", name: "Karfreitag" } });
    // Today only from 11:00 on, after the hour's notice.
    expect(calendar.slots.map((s) => s.start)).toEqual([at("2027-03-24", "11:00"), at("2027-03-24", "11:30")]);
  });

  it("plans each date once, although the next free slot lies in the week shown", async () => {
    capacityComputed.clear();
    const calendar = await loadSlotCalendar(ctx.db, query);
    expect(calendar.next?.start).toEqual(at("2027-03-24", "11:00"));
    expect(calendar.week).toBe("2027-03-22");
    expect([...capacityComputed.values()].every((times) => times === 1)).toBe(true);
    expect(capacityComputed.get("2027-03-24")).toBe(1);
  });

  it("shows a holiday the office opened as a free day, and a closure as closed", async () => {
    await ctx.db.holidayOpening.create({ data: { officeId, date: "2027-03-29" } });
    await ctx.db.closure.create({ data: { officeId, date: "2027-03-30", reason: "Betriebsausflug" } });
    const calendar = await loadSlotCalendar(ctx.db, { ...query, week: "2027-03-29" });
    expect(kinds(calendar)).toMatchObject({ "2027-03-29": "free", "2027-03-30": "closed", "2027-03-31": "free" });
  });

  it("marks the days after the horizon as not bookable yet", async () => {
    const calendar = await loadSlotCalendar(ctx.db, { ...query, week: "2027-04-19" });
    expect(calendar.lastBookable).toBe("2027-04-23");
    expect(kinds(calendar)).toMatchObject({ "2027-04-23": "free", "2027-04-24": "beyondHorizon", "2027-04-25": "beyondHorizon" });
  });

  it("opens no week before the first date that can be booked, given the minimum notice", async () => {
    await ctx.db.office.update({ where: { id: officeId }, data: { minNoticeMinutes: 3 * 24 * 60 } });
    // Friday evening: with three days' notice, nothing before Monday can be booked.
    const friday = { ...query, now: at("2027-03-19", "18:00") };
    const calendar = await loadSlotCalendar(ctx.db, { ...friday, week: "2027-03-15" });
    expect(calendar.firstBookable).toBe("2027-03-22");
    expect(calendar.week).toBe("2027-03-22");
    // Monday's opening ends before Friday 18:00 plus three days.
    expect(kinds(calendar)).toMatchObject({ "2027-03-22": "tooSoon", "2027-03-23": "free" });
    // Seen on Wednesday evening, that week says why: over (Wednesday's opening too), then too soon.
    const sameWeek = await loadSlotCalendar(ctx.db, { ...friday, now: at("2027-03-17", "18:00"), week: "2027-03-15" });
    expect(sameWeek.week).toBe("2027-03-15");
    expect(kinds(sameWeek)).toMatchObject({
      "2027-03-16": "past",
      "2027-03-17": "past",
      "2027-03-18": "tooSoon",
      "2027-03-19": "tooSoon",
      "2027-03-20": "closed",
    });
  });
});
