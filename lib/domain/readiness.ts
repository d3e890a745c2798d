import { capacityCalendar, serviceWindows } from "./capacity";
import { type Availability, appointmentMinutes, bookableDates, prepareAvailability } from "./slots";
import { MS_PER_MINUTE, datesBetween } from "./time";
import type { BookingRules, OfficeSchedule, ServiceSpec } from "./types";

// When an office goes public: only once a citizen who opens it can book something. Until then the directory and
// the API leave it out, and its deep link shows how to reach the office instead of a dead end.

export interface ReadinessInput {
  schedule: OfficeSchedule;
  rules: BookingRules;
  /** The office's active services. */
  services: ServiceSpec[];
  now: Date;
}

/** Clerks on duty at some time after now (plus the notice) within the horizon, whatever they serve. */
function hasAnyCapacity({ schedule, rules, now }: ReadinessInput): boolean {
  const earliest = now.getTime() + rules.minNoticeMinutes * MS_PER_MINUTE;
  const { first, last } = bookableDates(rules, schedule.timeZone, now);
  const capacityOn = capacityCalendar(schedule);
  return datesBetween(first, last).some((date) =>
    capacityOn(date).some((segment) => segment.end > earliest && segment.pools.some((pool) => pool.clerks > 0)),
  );
}

/**
 * "Can take bookings": an active service, and clerk capacity for one of them inside the booking horizon. The public
 * directory and the API's office list show exactly the offices for which this holds.
 *
 * That is, one appointment of a service could start somewhere between now (plus the notice) and the horizon if
 * nothing were booked: THE booking rule of `slots.ts` asked with no bookings, so closures, overrides, public holidays,
 * blocks for other services and blocks too short for the service all count exactly as they do for booking. A fully
 * booked office is still ready: it has clerks on duty, only no free time right now.
 */
export function canTakeBookings(input: ReadinessInput): boolean {
  const { schedule, rules, services, now } = input;
  if (services.length === 0) return false;
  // This runs for every office on every directory request, and an office that is not ready yet is searched to its
  // horizon: each date's capacity is computed once for all services, and only a date with a window long enough for
  // a service is put to the booking rule.
  const capacityOn = capacityCalendar(schedule);
  const availabilities = new Map<string, Availability>();
  const availabilityOf = (service: ServiceSpec) => {
    let availability = availabilities.get(service.id);
    if (!availability) {
      availability = prepareAvailability({ ...input, service, persons: 1, occupied: [] });
      availabilities.set(service.id, availability);
    }
    return availability;
  };
  const { first, last } = bookableDates(rules, schedule.timeZone, now);
  return datesBetween(first, last).some((date) => {
    const segments = capacityOn(date);
    if (segments.length === 0) return false;
    return services.some((service) => {
      const duration = appointmentMinutes(service, 1) * MS_PER_MINUTE;
      if (!serviceWindows(segments, service.id).some((w) => w.end - w.start >= duration)) return false;
      return availabilityOf(service).list({ from: date, to: date }).length > 0;
    });
  });
}

export interface ReadinessChecklistInput extends ReadinessInput {
  /**
   * Whether the site's Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit (which public bodies must
   * publish) exist, in German, the fallback of every language.
   */
  legalTexts: { imprint: boolean; privacy: boolean; accessibility: boolean };
  /** The office's own sender name and reply-to address for its e-mails. */
  mail: { senderName: string | null; replyTo: string | null };
}

export interface ReadinessChecklist {
  /** At least one active service. */
  service: boolean;
  /** Clerk capacity inside the booking horizon: for an active service, or for anything while there is none. */
  capacity: boolean;
  /** The site's legal texts a public booking page must link to. */
  legal: boolean;
  /** E-mails go out under the office's name, and replies reach it. */
  sender: boolean;
  /** In the directory and the API: `canTakeBookings`. */
  bookable: boolean;
}

const given = (text: string | null) => Boolean(text?.trim());

/**
 * What an office still needs before it goes live, for the administration's checklist. Service and capacity decide
 * whether it is listed; legal texts and sender are checked so that nothing is forgotten, but do not hide an office.
 */
export function readinessChecklist(input: ReadinessChecklistInput): ReadinessChecklist {
  const service = input.services.length > 0;
  const bookable = canTakeBookings(input);
  return {
    service,
    capacity: service ? bookable : hasAnyCapacity(input),
    legal: input.legalTexts.imprint && input.legalTexts.privacy && input.legalTexts.accessibility,
    sender: given(input.mail.senderName) && given(input.mail.replyTo),
    bookable,
  };
}
