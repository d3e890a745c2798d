import { localDateOf, zonedInstant } from "@/lib/domain";
import { ERASED_WISH_DATA, PERSONAL_WISH_FIELDS, wishExpired } from "@/lib/domain/erasure";
import { summarizeWaitlist } from "@/lib/domain/statistics";
import { countOfferOutcomes, countWaitingWishes, urgentFirst, wishWeek, type WaitingWish } from "@/lib/domain/waitlist-overview";
import { BERLIN } from "@/tests/helpers/scenario";

// Given an office's waiting list, the staff overview counts, orders and summarises it as computed by hand; the
// weeks and the wait in days are local dates, so both DST changes (2027-03-28 and 2027-10-31) change nothing.

const at = (date: string, hhmm: string) =>
  new Date(zonedInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)), BERLIN));

let n = 0;
function wish(w: Partial<WaitingWish> & { earliestDate: string }): WaitingWish {
  n++;
  return {
    id: w.id ?? `w${String(n).padStart(3, "0")}`,
    serviceId: w.serviceId ?? "A",
    earliestDate: w.earliestDate,
    latestDate: w.latestDate ?? "2027-12-31",
    permitExpiresOn: w.permitExpiresOn ?? null,
    confirmedAt: w.confirmedAt === undefined ? at("2027-03-01", "10:00") : w.confirmedAt,
    createdAt: w.createdAt ?? at("2027-03-01", "09:00"),
  };
}

describe("waiting-list overview", () => {
  // Thursday before the spring change (Sunday 28 March 2027).
  const TODAY = "2027-03-25";

  it("counts by service and by week of the earliest date; a passed earliest date counts in this week", () => {
    const wishes = [
      wish({ serviceId: "A", earliestDate: "2027-03-10" }), // passed: this week (Monday 22 March)
      wish({ serviceId: "A", earliestDate: "2027-03-28" }), // Sunday of the change: still the week of 22 March
      wish({ serviceId: "B", earliestDate: "2027-03-29", permitExpiresOn: "2027-04-10" }), // urgent within 28 days
      wish({ serviceId: "B", earliestDate: "2027-04-04" }), // Sunday: week of 29 March
      wish({ serviceId: "A", earliestDate: "2027-11-01", permitExpiresOn: "2027-12-01" }), // after the autumn change
    ];
    const counts = countWaitingWishes(wishes, { today: TODAY, urgentWithinDays: 28, serviceIds: ["A", "B", "C"] });
    expect(counts.total).toBe(5);
    expect(counts.urgent).toBe(1);
    expect(counts.byService).toEqual([
      { serviceId: "A", total: 3, urgent: 0 },
      { serviceId: "B", total: 2, urgent: 1 },
      { serviceId: "C", total: 0, urgent: 0 },
    ]);
    expect(counts.byWeek).toEqual([
      { week: "2027-03-22", total: 2, urgent: 0 },
      { week: "2027-03-29", total: 2, urgent: 1 },
      { week: "2027-11-01", total: 1, urgent: 0 },
    ]);
    expect(wishWeek("2027-10-31", "2027-10-01")).toBe("2027-10-25");
  });

  it("counts nothing in an empty list, and a service not in the office's list still appears", () => {
    expect(countWaitingWishes([], { today: TODAY, urgentWithinDays: 28 })).toEqual({ total: 0, urgent: 0, byService: [], byWeek: [] });
    const counts = countWaitingWishes([wish({ serviceId: "Z", earliestDate: TODAY })], { today: TODAY, urgentWithinDays: 28, serviceIds: ["A"] });
    expect(counts.byService.map((s) => s.serviceId)).toEqual(["A", "Z"]);
  });

  it("orders urgent wishes first, then by confirmation, unconfirmed last; urgency follows the office's days", () => {
    const late = wish({ id: "late", earliestDate: TODAY, confirmedAt: at("2027-03-20", "08:00") });
    const early = wish({ id: "early", earliestDate: TODAY, confirmedAt: at("2027-03-02", "08:00") });
    const urgentLate = wish({ id: "urgent-late", earliestDate: TODAY, confirmedAt: at("2027-03-24", "08:00"), permitExpiresOn: "2027-04-01" });
    const urgentEarly = wish({ id: "urgent-early", earliestDate: TODAY, confirmedAt: at("2027-03-21", "08:00"), permitExpiresOn: "2027-04-20" });
    const unconfirmed = wish({ id: "unconfirmed", earliestDate: TODAY, confirmedAt: null, createdAt: at("2027-01-01", "08:00") });
    const expiredPermit = wish({ id: "expired-permit", earliestDate: TODAY, confirmedAt: at("2027-03-23", "08:00"), permitExpiresOn: "2027-03-01" });
    const list = [late, unconfirmed, urgentLate, early, expiredPermit, urgentEarly];
    expect(urgentFirst(list, 28, TODAY).map((w) => [w.id, w.urgent])).toEqual([
      ["urgent-early", true],
      ["expired-permit", true],
      ["urgent-late", true],
      ["early", false],
      ["late", false],
      ["unconfirmed", false],
    ]);
    // With 7 days only the permits expiring by 1 April count (and the one already expired).
    expect(urgentFirst(list, 7, TODAY).filter((w) => w.urgent).map((w) => w.id)).toEqual(["expired-permit", "urgent-late"]);
    // An unconfirmed wish follows the confirmed ones of its own urgency, not every confirmed one.
    const urgentUnconfirmed = wish({ id: "urgent-unconfirmed", earliestDate: TODAY, confirmedAt: null, permitExpiresOn: "2027-03-05" });
    expect(urgentFirst([...list, urgentUnconfirmed], 28, TODAY).map((w) => w.id)).toEqual([
      "urgent-early",
      "expired-permit",
      "urgent-late",
      "urgent-unconfirmed",
      "early",
      "late",
      "unconfirmed",
    ]);
    // Equal times: the id decides, so two pages never show two orders.
    const twins = [wish({ id: "b", earliestDate: TODAY }), wish({ id: "a", earliestDate: TODAY })];
    expect(urgentFirst(twins, 28, TODAY).map((w) => w.id)).toEqual(["a", "b"]);
  });

  it("counts offer outcomes; the acceptance rate is of the decided offers only", () => {
    expect(countOfferOutcomes([])).toEqual({ made: 0, accepted: 0, declined: 0, expired: 0, open: 0, acceptanceRate: null });
    expect(countOfferOutcomes([{ outcome: "OPEN" }])).toMatchObject({ made: 1, open: 1, acceptanceRate: null });
    const outcomes = ["ACCEPTED", "ACCEPTED", "DECLINED", "EXPIRED", "OPEN"] as const;
    expect(countOfferOutcomes(outcomes.map((outcome) => ({ outcome })))).toEqual({
      made: 5,
      accepted: 2,
      declined: 1,
      expired: 1,
      open: 1,
      acceptanceRate: 0.5,
    });
  });
});

describe("wish expiry and erasure rules", () => {
  it("a wish expires the day after its latest date, also across the DST changes", () => {
    expect(wishExpired("2027-03-28", "2027-03-28")).toBe(false);
    expect(wishExpired("2027-03-28", "2027-03-29")).toBe(true);
    // 23:30 local on the autumn change day is still that day in Berlin (22:30 UTC).
    const lateOnChangeDay = at("2027-10-31", "23:30");
    expect(localDateOf(lateOnChangeDay, BERLIN)).toBe("2027-10-31");
    expect(wishExpired("2027-10-31", localDateOf(lateOnChangeDay, BERLIN))).toBe(false);
    expect(wishExpired("2027-10-31", localDateOf(new Date(lateOnChangeDay.getTime() + 31 * 60_000), BERLIN))).toBe(true);
  });

  it("names every personal column of a wish and erases each of them", () => {
    expect([...PERSONAL_WISH_FIELDS].sort()).toEqual(Object.keys(ERASED_WISH_DATA).sort());
    expect(PERSONAL_WISH_FIELDS).toEqual(expect.arrayContaining(["givenName", "familyName", "email", "phone", "dateOfBirth", "permitExpiresOn", "identityHash"]));
    expect(Object.values(ERASED_WISH_DATA).every((v) => v === null)).toBe(true);
  });
});

describe("waiting-list figures of the evaluation", () => {
  const period = { from: "2027-03-22", to: "2027-04-04" };

  it("counts wishes, offers and the wait by the local day each happened", () => {
    const summary = summarizeWaitlist({
      ...period,
      wishes: [
        { createdOn: "2027-03-21", confirmedOn: "2027-03-22" }, // made before, confirmed in the period
        { createdOn: "2027-03-28", confirmedOn: "2027-03-28" }, // on the spring change day
        { createdOn: "2027-04-04", confirmedOn: null }, // never confirmed
        { createdOn: "2027-04-05", confirmedOn: "2027-04-05" }, // after the period
      ],
      offers: [
        { offeredOn: "2027-03-22", outcome: "ACCEPTED" },
        { offeredOn: "2027-03-23", outcome: "DECLINED" },
        { offeredOn: "2027-03-28", outcome: "EXPIRED" },
        { offeredOn: "2027-04-04", outcome: "OPEN" },
        { offeredOn: "2027-03-21", outcome: "ACCEPTED" }, // before the period
      ],
      appointments: [
        { confirmedOn: "2027-03-20", appointmentOn: "2027-03-23" }, // 3 days
        { confirmedOn: "2027-03-01", appointmentOn: "2027-03-29" }, // 28 days, across the change
        { confirmedOn: "2027-02-01", appointmentOn: "2027-04-02" }, // 60 days
        { confirmedOn: "2027-03-30", appointmentOn: "2027-04-05" }, // after the period
      ],
    });
    expect(summary.wishesNew).toBe(2);
    expect(summary.wishesConfirmed).toBe(2);
    expect(summary.offers).toEqual({ made: 4, accepted: 1, declined: 1, expired: 1, open: 1, acceptanceRate: 1 / 3 });
    expect(summary.wait).toEqual({ count: 3, mean: (3 + 28 + 60) / 3, median: 28, buckets: [1, 0, 0, 1, 1] });
  });

  it("has no median and no rate without data", () => {
    const summary = summarizeWaitlist({ ...period, wishes: [], offers: [], appointments: [] });
    expect(summary).toEqual({
      wishesNew: 0,
      wishesConfirmed: 0,
      offers: { made: 0, accepted: 0, declined: 0, expired: 0, open: 0, acceptanceRate: null },
      wait: { count: 0, mean: null, median: null, buckets: [0, 0, 0, 0, 0] },
    });
  });
});
