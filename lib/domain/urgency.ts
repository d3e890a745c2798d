import { addDays, isValidLocalDate } from "./time";
import type { LocalDate } from "./types";

// Urgency for people whose residence permit runs out: they may use the places an office keeps for urgent cases and
// come first on the waiting list. Judged on the office's local "today", so a wish or booking becomes urgent as the
// expiry approaches, without anyone touching it.

/**
 * Whether a permit expiring on `permitExpiresOn` makes the case urgent on `today`: it expires within
 * `urgentWithinDays` days (today counts as day 0). A permit that has already expired is urgent too: the person needs
 * the appointment most. No date given: not urgent.
 */
export function isUrgent(
  permitExpiresOn: LocalDate | null | undefined,
  urgentWithinDays: number,
  today: LocalDate,
): boolean {
  if (!permitExpiresOn || !isValidLocalDate(permitExpiresOn)) return false;
  return permitExpiresOn <= addDays(today, urgentWithinDays);
}
