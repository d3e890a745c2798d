import { appointmentMinutes } from "./slots";
import { MINUTES_PER_DAY, MS_PER_MINUTE, localDateOf, localMinuteOf } from "./time";
import type { LocalDate, ServiceSpec } from "./types";

// The time an appointment takes and the office days it touches. Booking, moving, confirming and cancelling lock
// exactly these days (a booking that crosses midnight locks both), so every writer of a day waits for the others.

/** An appointment's [start, end) and the first and last office-local date it touches (the same date unless it crosses midnight). */
export interface AppointmentInterval {
  start: Date;
  end: Date;
  dates: [LocalDate, LocalDate];
}

/** The first and last office-local date of [start, end): the end itself is not part of it. */
export function appointmentDates(start: Date, end: Date, timeZone: string): [LocalDate, LocalDate] {
  return [localDateOf(start, timeZone), localDateOf(end.getTime() - 1, timeZone)];
}

/**
 * The office-local minute at which [start, end) ends on its first date (exclusive), or MINUTES_PER_DAY when it runs
 * into the next date. Derived from the last minute it occupies, so an end at midnight counts as the first date's end.
 */
export function appointmentEndMinute(start: Date, end: Date, timeZone: string): number {
  const [first, last] = appointmentDates(start, end, timeZone);
  return first === last ? localMinuteOf(end.getTime() - 1, timeZone) + 1 : MINUTES_PER_DAY;
}

/** A new appointment of `persons` for `service` starting at `start`: its end in real elapsed minutes, and its dates. */
export function appointmentInterval(
  start: Date,
  service: Pick<ServiceSpec, "durationMinutes" | "extraPersonMinutes" | "maxPersons">,
  persons: number,
  timeZone: string,
): AppointmentInterval {
  const end = new Date(start.getTime() + appointmentMinutes(service, persons) * MS_PER_MINUTE);
  return { start, end, dates: appointmentDates(start, end, timeZone) };
}
