import type { DateRange } from "./slots";
import { addDays } from "./time";
import type { LocalDate } from "./types";

// The search for the next free slot reads bookings window by window: the first window is short, which keeps the
// common case (a slot within days) to a small read, and every further one is twice as long, so a fully booked
// horizon of two years takes five reads instead of one per four weeks. Citizens and staff search alike.

/** Days of the first window a next-free-slot search reads. */
export const SEARCH_WINDOW_DAYS = 28;

/** The windows a search from `from` to `last` reads, in order: they cover the range exactly, without gaps. */
export function searchWindows(from: LocalDate, last: LocalDate): DateRange[] {
  const windows: DateRange[] = [];
  for (let days = SEARCH_WINDOW_DAYS, start = from; start <= last; days *= 2) {
    const end = addDays(start, days - 1);
    const to = end < last ? end : last;
    windows.push({ from: start, to });
    start = addDays(to, 1);
  }
  return windows;
}
