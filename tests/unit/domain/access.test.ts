import { bookingAccess, citizenAccess } from "@/lib/domain/access";

// A citizen's access kind: urgent only where the service asks for the permit's expiry and the date is within the
// office's urgency window, judged on the office's local today (not the UTC date), across both DST changes.

const office = { timeZone: "Europe/Berlin", urgentWithinDays: 28 };
const asks = { asksPermitExpiry: true };

describe("citizenAccess", () => {
  it("is urgent within the window, for an expired permit too, and public beyond it or without a date", () => {
    const now = new Date("2026-03-02T09:00:00Z");
    expect(citizenAccess(office, asks, "2026-03-30", now)).toBe("urgent");
    expect(citizenAccess(office, asks, "2026-03-31", now)).toBe("public");
    expect(citizenAccess(office, asks, "2026-01-01", now)).toBe("urgent");
    expect(citizenAccess(office, asks, undefined, now)).toBe("public");
    expect(citizenAccess(office, asks, "2026-02-30", now)).toBe("public");
  });

  it("ignores a stated date where the service does not ask for it", () => {
    expect(citizenAccess(office, { asksPermitExpiry: false }, "2026-03-03", new Date("2026-03-02T09:00:00Z"))).toBe("public");
  });

  it("counts days from the office's local date on the nights the clocks change", () => {
    // 28 March 2026 23:30 UTC is already Sunday 29 March 01:30 CET in Berlin (the spring-forward night).
    const spring = new Date("2026-03-28T23:30:00Z");
    expect(citizenAccess(office, asks, "2026-04-26", spring)).toBe("urgent");
    expect(citizenAccess(office, asks, "2026-04-27", spring)).toBe("public");
    // 24 October 2026 22:30 UTC is Sunday 25 October 00:30 CEST (the fall-back night).
    const autumn = new Date("2026-10-24T22:30:00Z");
    expect(citizenAccess(office, asks, "2026-11-22", autumn)).toBe("urgent");
    expect(citizenAccess(office, asks, "2026-11-23", autumn)).toBe("public");
  });
});

it("keeps an urgent booking's access when the citizen moves it", () => {
  expect(bookingAccess({ urgent: true })).toBe("urgent");
  expect(bookingAccess({ urgent: false })).toBe("public");
});
