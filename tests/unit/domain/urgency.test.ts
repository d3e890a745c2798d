import { isUrgent } from "@/lib/domain/urgency";

// Urgency is judged on the office's local "today" against the permit's expiry date, with today as day 0.

describe("isUrgent", () => {
  const today = "2026-12-05";

  it("is urgent when the permit expires within the window, today and the last day included", () => {
    expect(isUrgent("2026-12-05", 28, today)).toBe(true);
    expect(isUrgent("2027-01-02", 28, today)).toBe(true);
  });

  it("is not urgent the day after the window ends", () => {
    expect(isUrgent("2027-01-03", 28, today)).toBe(false);
  });

  it("treats a permit that has already expired as urgent", () => {
    expect(isUrgent("2026-11-30", 28, today)).toBe(true);
  });

  it("with a window of 0 days only a permit expiring today or earlier is urgent", () => {
    expect(isUrgent("2026-12-05", 0, today)).toBe(true);
    expect(isUrgent("2026-12-06", 0, today)).toBe(false);
  });

  it("is not urgent without a date or with one that is not a real date", () => {
    expect(isUrgent(null, 28, today)).toBe(false);
    expect(isUrgent(undefined, 28, today)).toBe(false);
    expect(isUrgent("", 28, today)).toBe(false);
    expect(isUrgent("2026-02-30", 28, today)).toBe(false);
    expect(isUrgent("05.12.2026", 28, today)).toBe(false);
  });

  it("counts calendar days across the clock changes (March and October)", () => {
    expect(isUrgent("2027-03-29", 1, "2027-03-28")).toBe(true);
    expect(isUrgent("2027-03-30", 1, "2027-03-28")).toBe(false);
    expect(isUrgent("2026-10-26", 1, "2026-10-25")).toBe(true);
    expect(isUrgent("2026-10-27", 1, "2026-10-25")).toBe(false);
  });

  it("becomes urgent as the days pass, without anyone touching the wish", () => {
    expect(isUrgent("2027-01-10", 28, "2026-12-05")).toBe(false);
    expect(isUrgent("2027-01-10", 28, "2026-12-13")).toBe(true);
  });
});
