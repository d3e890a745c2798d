import { STATUS_ACTIONS, type StatusAction } from "@/lib/schemas/staff-booking";
import { matchesSearch, totalsOf } from "@/lib/server/services/staff/list-agenda";
import {
  allowedStatusActions,
  isChangeableByStaff,
  planTransition,
  type BookingStatusName,
} from "@/lib/server/services/staff/status-transitions";
import { at } from "../helpers/office-fixture";

const TZ = "Europe/Berlin";
const START = at("2027-03-01", "09:00");
const booking = (status: BookingStatusName) => ({ status, startsAt: START });
const outcome = (status: BookingStatusName, action: StatusAction, now: Date) => {
  const r = planTransition(booking(status), action, now, TZ);
  return r.ok ? r.to : r.reason;
};

describe("clerk status transitions", () => {
  const DURING = at("2027-03-01", "09:10");
  // Every status x action at a time when the day's rules allow as much as possible.
  const table: Record<BookingStatusName, Record<StatusAction, string>> = {
    HELD: { arrive: "STATUS_NOT_ALLOWED", serve: "STATUS_NOT_ALLOWED", "no-show": "STATUS_NOT_ALLOWED", undo: "STATUS_NOT_ALLOWED" },
    CONFIRMED: { arrive: "ARRIVED", serve: "STATUS_NOT_ALLOWED", "no-show": "NO_SHOW", undo: "STATUS_NOT_ALLOWED" },
    ARRIVED: { arrive: "STATUS_NOT_ALLOWED", serve: "SERVED", "no-show": "STATUS_NOT_ALLOWED", undo: "CONFIRMED" },
    SERVED: { arrive: "STATUS_NOT_ALLOWED", serve: "STATUS_NOT_ALLOWED", "no-show": "STATUS_NOT_ALLOWED", undo: "ARRIVED" },
    NO_SHOW: { arrive: "ARRIVED", serve: "STATUS_NOT_ALLOWED", "no-show": "STATUS_NOT_ALLOWED", undo: "CONFIRMED" },
    CANCELLED: { arrive: "ALREADY_CANCELLED", serve: "ALREADY_CANCELLED", "no-show": "ALREADY_CANCELLED", undo: "ALREADY_CANCELLED" },
  };
  for (const [status, row] of Object.entries(table) as Array<[BookingStatusName, Record<StatusAction, string>]>) {
    for (const action of STATUS_ACTIONS) {
      it(`${status} + ${action} -> ${row[action]}`, () => {
        expect(outcome(status, action, DURING)).toBe(row[action]);
      });
    }
  }

  it("no-show only once the appointment has started", () => {
    expect(outcome("CONFIRMED", "no-show", at("2027-03-01", "08:59"))).toBe("NO_SHOW_TOO_EARLY");
    expect(outcome("CONFIRMED", "no-show", START)).toBe("NO_SHOW");
  });

  it("arrival and undo only on the appointment's local day (Berlin, not UTC)", () => {
    // 00:30 in Berlin is still the previous day in UTC: the office's day counts.
    expect(outcome("CONFIRMED", "arrive", at("2027-03-01", "00:30"))).toBe("ARRIVED");
    expect(outcome("CONFIRMED", "arrive", at("2027-02-28", "23:30"))).toBe("NOT_APPOINTMENT_DAY");
    expect(outcome("CONFIRMED", "arrive", at("2027-03-02", "00:10"))).toBe("NOT_APPOINTMENT_DAY");
    expect(outcome("ARRIVED", "undo", at("2027-03-01", "23:59"))).toBe("CONFIRMED");
    expect(outcome("ARRIVED", "undo", at("2027-03-02", "00:00"))).toBe("UNDO_EXPIRED");
    // Serving is not bound to the day: a forgotten click can be made up later.
    expect(outcome("ARRIVED", "serve", at("2027-03-03", "10:00"))).toBe("SERVED");
  });

  it("sets and clears the timestamps", () => {
    const now = at("2027-03-01", "09:05");
    expect(planTransition(booking("CONFIRMED"), "arrive", now, TZ)).toMatchObject({ arrivedAt: now });
    expect(planTransition(booking("ARRIVED"), "serve", now, TZ)).toMatchObject({ servedAt: now });
    expect(planTransition(booking("SERVED"), "undo", now, TZ)).toEqual({ ok: true, from: "SERVED", to: "ARRIVED", servedAt: null });
    expect(planTransition(booking("ARRIVED"), "undo", now, TZ)).toEqual({ ok: true, from: "ARRIVED", to: "CONFIRMED", arrivedAt: null });
  });

  it("offers exactly the buttons the service accepts", () => {
    expect(allowedStatusActions(booking("CONFIRMED"), at("2027-03-01", "08:00"), TZ)).toEqual(["arrive"]);
    expect(allowedStatusActions(booking("CONFIRMED"), at("2027-03-01", "09:30"), TZ)).toEqual(["arrive", "no-show"]);
    expect(allowedStatusActions(booking("ARRIVED"), at("2027-03-01", "09:30"), TZ)).toEqual(["serve", "undo"]);
    expect(allowedStatusActions(booking("CONFIRMED"), at("2027-02-28", "09:30"), TZ)).toEqual([]);
    expect(allowedStatusActions(booking("CANCELLED"), at("2027-03-01", "09:30"), TZ)).toEqual([]);
  });

  it("cancelling and moving only while confirmed and ahead", () => {
    expect(isChangeableByStaff(booking("CONFIRMED"), at("2027-03-01", "08:59"))).toBe(true);
    expect(isChangeableByStaff(booking("CONFIRMED"), START)).toBe(false);
    expect(isChangeableByStaff(booking("ARRIVED"), at("2027-03-01", "08:00"))).toBe(false);
  });
});

describe("agenda search and totals", () => {
  const row = { name: "Zoë Groß-Müller", referenceCode: "TV-7K3M-Q9XA" };
  it.each([
    ["muller", true],
    ["GROSS", true],
    ["zoe", true],
    ["zoë groß", true],
    ["Meier", false],
    ["tv 7k3m q9xa", true],
    ["7K3MQ9XA", true],
    ["7K3M", true],
    ["TV-7K3M-Q9XB", false],
  ])("%s -> %s", (search, expected) => {
    expect(matchesSearch(row, search)).toBe(expected);
  });

  it("names without digits never match code fragments", () => {
    expect(matchesSearch({ name: "Anna", referenceCode: "TV-ANNA-2345" }, "ann")).toBe(true);
    expect(matchesSearch({ name: "Jan", referenceCode: "TV-ANNA-2345" }, "ann")).toBe(false);
  });

  it("a needle with digits still finds names (and code fragments)", () => {
    expect(matchesSearch({ name: "Demo Termin 12", referenceCode: "TV-7K3M-Q9XA" }, "termin 12")).toBe(true);
    expect(matchesSearch({ name: "Demo Termin 12", referenceCode: "TV-7K3M-Q9XA" }, "Q9X")).toBe(true);
  });

  it("an erased name matches only its code", () => {
    expect(matchesSearch({ name: null, referenceCode: "TV-7K3M-Q9XA" }, "müller")).toBe(false);
    expect(matchesSearch({ name: null, referenceCode: "TV-7K3M-Q9XA" }, "TV7K3MQ9XA")).toBe(true);
  });

  it("counts the day in states that add up to its appointments", () => {
    const statuses: BookingStatusName[] = ["CONFIRMED", "ARRIVED", "SERVED", "SERVED", "NO_SHOW", "CANCELLED", "HELD"];
    expect(totalsOf(statuses.map((status) => ({ status })))).toEqual({ expected: 1, waiting: 1, served: 2, noShow: 1, cancelled: 1 });
  });

  it("a served appointment moves from waiting to served; no count drops that is not a state left", () => {
    const before = totalsOf([{ status: "ARRIVED" }, { status: "CONFIRMED" }]);
    const after = totalsOf([{ status: "SERVED" }, { status: "CONFIRMED" }]);
    expect([before.waiting, before.served, after.waiting, after.served]).toEqual([1, 0, 0, 1]);
    expect(after.expected).toBe(before.expected);
  });
});
