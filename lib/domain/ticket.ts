// Waiting numbers: what a ticket shows, what the display shows and what is announced. No names, ever.

export type TicketKindName = "APPOINTMENT" | "WALK_IN";

/** The series of each kind: T for checked-in appointments ("Termin"), W for walk-ins. */
export const TICKET_SERIES: Record<TicketKindName, string> = { APPOINTMENT: "T", WALK_IN: "W" };

/** "T-017": the series and the number, three digits at least. */
export function ticketLabel(series: string, number: number): string {
  return `${series}-${String(number).padStart(3, "0")}`;
}

/** "T 17": the form read out by the announcement, without leading zeros. */
export function spokenTicketLabel(series: string, number: number): string {
  return `${series} ${number}`;
}
