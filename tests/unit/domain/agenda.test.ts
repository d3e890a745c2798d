import type { BookingStatusName } from "@/lib/domain/booking-status";
import { matchesSearch, totalsOf } from "@/lib/domain/agenda";

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
