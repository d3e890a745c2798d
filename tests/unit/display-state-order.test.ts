import { replacesDisplayState, type DisplayState } from "@/lib/schemas/display";

// The call-up display applies states from its event stream and, while reconnecting, from polling: answers that
// arrive out of order must not take a newer call off the screen.

const state = (date: string, version: number, labels: string[]): DisplayState => ({
  date,
  version,
  calls: labels.map((label, i) => ({ key: `${label}:1`, label, spoken: label, counter: "Platz 7", calledAt: `${date}T09:0${i}:00.000Z`, callCount: 1, locale: "de" })),
});

it("keeps a newer state of the day when an older one arrives late", () => {
  const withSecondCall = state("2026-12-07", 12, ["T-002", "T-001"]);
  const lateAnswer = state("2026-12-07", 11, ["T-001"]);
  expect(replacesDisplayState(withSecondCall, lateAnswer)).toBe(false);
  expect(replacesDisplayState(lateAnswer, withSecondCall)).toBe(true);
});

it("takes the same version again (a repeated answer) and a later day's state, but not an earlier day's", () => {
  const today = state("2026-12-07", 12, ["T-002"]);
  expect(replacesDisplayState(today, state("2026-12-07", 12, ["T-002"]))).toBe(true);
  // A new day's version starts again from the beginning.
  expect(replacesDisplayState(today, state("2026-12-08", 0, []))).toBe(true);
  // Yesterday's answer, sent before midnight and arriving after.
  expect(replacesDisplayState(state("2026-12-08", 0, []), today)).toBe(false);
});
