// Plain data the domain rules work on. No framework or database types: the server layer maps rows to these.

import type { AppointmentKind, DemandKey } from "./demand";

/** A calendar date in the office's local time, "YYYY-MM-DD". */
export type LocalDate = string;

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Half-open interval [start, end) of UTC instants in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** Weekly recurring clerk capacity, in local wall-clock minutes after midnight. */
export interface WeeklyBlock {
  weekday: Weekday;
  startMinute: number;
  endMinute: number;
  clerks: number;
  /** Of the clerks, places kept for urgent cases until the rules' release time (`AccessKind`); absent: none. */
  urgentClerks?: number;
  /** Inclusive local dates; null/undefined means open-ended. */
  validFrom?: LocalDate | null;
  validUntil?: LocalDate | null;
  /** Services the block serves; empty or undefined means all services. */
  serviceIds?: string[];
  /** Kinds of appointment its clerks take (e.g. phone and video from a back room); empty or undefined: every kind. */
  appointmentKinds?: AppointmentKind[];
}

/** Capacity for one date; if a date has any overrides they replace that date's weekly blocks. */
export interface DateOverride {
  date: LocalDate;
  startMinute: number;
  endMinute: number;
  clerks: number;
  /** As for a weekly block: places kept for urgent cases. */
  urgentClerks?: number;
  serviceIds?: string[];
  appointmentKinds?: AppointmentKind[];
}

/** A closure; whole day when startMinute and endMinute are null/undefined. */
export interface Closure {
  date: LocalDate;
  startMinute?: number | null;
  endMinute?: number | null;
}

export interface OfficeSchedule {
  timeZone: string;
  weeklyBlocks: WeeklyBlock[];
  dateOverrides: DateOverride[];
  closures: Closure[];
  /**
   * ISO 3166-2 region (e.g. DE-RP) whose statutory public holidays close the office all day, whatever its blocks
   * and overrides say; absent or null: no holidays.
   */
  holidayRegion?: string | null;
  /** Public holidays on which the office opens all the same (explicit exceptions); other dates are ignored. */
  openHolidays?: LocalDate[];
}

export interface BookingRules {
  /** Granularity of offered start times, counted from the start of each opening window. */
  slotStepMinutes: number;
  /** Earliest bookable start relative to now. */
  minNoticeMinutes: number;
  /** Last bookable local date is today (office time) + horizon days. */
  bookingHorizonDays: number;
  /**
   * Minutes after a cancellation before its time is offered again (against "cancel and grab" bots); 0 or absent
   * offers it at once. Staff booking on behalf pass 0: they may use a freed time straight away.
   */
  rebookDelayMinutes?: number;
  /**
   * Hours before an appointment's start at which the places kept for urgent cases are released to everyone, so
   * nothing is wasted; absent or 0: kept until the start (the minimum notice ends booking before that anyway).
   */
  urgentReleaseHours?: number;
}

/**
 * Who asks for a time, which decides whether the places kept for urgent cases (`WeeklyBlock.urgentClerks`) count:
 * "public" is any citizen (kept places are not theirs until released), "urgent" a citizen whose permit runs out
 * soon (`isUrgent`), "staff" a clerk booking on behalf of someone. Urgent and staff requests may use every place.
 */
export type AccessKind = "public" | "urgent" | "staff";

/** A service, or several taken care of in one appointment (`combinedService`), as the slot rules read it. */
export interface ServiceSpec {
  /** The demand key (`demandKey`): a service's id for one service in person. */
  id: DemandKey;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
}

/**
 * An existing booking that occupies one clerk for [start, end). An unconfirmed hold (`holdExpiresAt`) occupies only
 * until it expires; a cancelled booking (`cancelledAt`) only until the rebook delay after its cancellation has passed.
 */
export interface OccupiedInterval extends Interval {
  /** The booking's demand key (`demandKey`): its services and kind; a plain service id for one service in person. */
  serviceId: DemandKey;
  /** Epoch ms: the booking is an unconfirmed hold that ends then. */
  holdExpiresAt?: number;
  /** Epoch ms: the booking was cancelled then; its time is withheld for the rules' rebook delay. */
  cancelledAt?: number;
  /** An urgent booking: it fills the places kept for urgent cases first. */
  urgent?: boolean;
}

export interface Slot {
  start: Date;
  end: Date;
}
