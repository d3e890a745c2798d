import { prepareAvailability } from "./slots";
import { MS_PER_MINUTE, addDays, localDateOf, localMinuteOf, weekdayOf } from "./time";
import type { BookingRules, LocalDate, OccupiedInterval, OfficeSchedule, ServiceSpec, Weekday } from "./types";
import { isUrgent } from "./urgency";

// The waiting list's stored preferences. A wish keeps its acceptable weekdays as "1,2,3" (ISO weekdays) and its
// parts of the day as "MORNING,AFTERNOON"; these helpers are the one way to read and write both, so that the form,
// the API, the matching and the staff views agree on the format.
//
// Time that becomes free goes to the wishes first, as held offers. Which wish gets which start is decided here
// (matchOffers), through the one booking rule of slots.ts (prepareAvailability), so that listing, booking and
// offering can never disagree about what is free.

export const DAY_PARTS = ["MORNING", "AFTERNOON"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** MORNING: an appointment starting before 12:00 local time; AFTERNOON: from 12:00 on. */
export const AFTERNOON_FROM_MINUTE = 12 * 60;

export function dayPartOf(localMinute: number): DayPart {
  return localMinute < AFTERNOON_FROM_MINUTE ? "MORNING" : "AFTERNOON";
}

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 7;
}

export function isDayPart(value: unknown): value is DayPart {
  return typeof value === "string" && (DAY_PARTS as readonly string[]).includes(value);
}

/**
 * The weekdays of a stored "1,2,3", in order and each once; anything that is no ISO weekday is left out, so that a
 * damaged value narrows a wish instead of widening it.
 */
export function parseWeekdays(stored: string): Weekday[] {
  const days = new Set(
    stored
      .split(",")
      .map((part) => part.trim())
      .filter((part) => /^[1-7]$/.test(part))
      .map(Number),
  );
  return WEEKDAYS.filter((d) => days.has(d));
}

/** "1,3,5": the weekdays in order, each once. */
export function formatWeekdays(days: readonly Weekday[]): string {
  const set = new Set(days);
  return WEEKDAYS.filter((d) => set.has(d)).join(",");
}

/** The parts of the day of a stored "MORNING,AFTERNOON", in order and each once; unknown parts are left out. */
export function parseDayParts(stored: string): DayPart[] {
  const parts = new Set(stored.split(",").map((part) => part.trim()));
  return DAY_PARTS.filter((p) => parts.has(p));
}

/** "MORNING,AFTERNOON": the parts in order, each once. */
export function formatDayParts(parts: readonly DayPart[]): string {
  const set = new Set(parts);
  return DAY_PARTS.filter((p) => set.has(p)).join(",");
}

/**
 * The shortest time a citizen gets to answer an offer. A time whose answer period would be shorter (it starts too
 * soon after the minimum notice) is not offered at all: it goes public.
 */
export const MIN_ANSWER_MINUTES = 30;

/**
 * A wish that lets this many offers expire without an answer is closed (EXPIRED): its owner evidently no longer
 * reads the e-mails, and every unanswered offer keeps a time from everyone else for hours.
 */
export const MAX_UNANSWERED_OFFERS = 3;

/** The part of the day of a start, by its office-local clock time. */
export function dayPartAt(start: Date | number, timeZone: string): DayPart {
  return dayPartOf(localMinuteOf(start, timeZone));
}

/** What of a wish the order reads. */
export interface RankedWish {
  id: string;
  permitExpiresOn?: LocalDate | null;
  /** When the citizen confirmed the wish (epoch ms): first come, first served among equally urgent wishes. */
  confirmedAt: number;
}

/**
 * The waiting list's order: urgent wishes first (isUrgent on the office-local `today`), then by confirmation time,
 * then by id, so that the order is total and every process computes the same one.
 */
export function waitlistOrder<W extends RankedWish>(wishes: readonly W[], urgentWithinDays: number, today: LocalDate): W[] {
  const urgent = new Map(wishes.map((w) => [w.id, isUrgent(w.permitExpiresOn, urgentWithinDays, today)]));
  return [...wishes].sort(
    (a, b) =>
      Number(urgent.get(b.id)) - Number(urgent.get(a.id)) ||
      a.confirmedAt - b.confirmedAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export interface OfferTiming {
  /** The office's answer time for offers, in hours. */
  offerHours: number;
  /** The office's minimum notice: an accepted offer must still respect it. */
  minNoticeMinutes: number;
}

/**
 * Until when an offer made at `now` for `start` may be accepted: the office's offer time, but never after
 * `start - minNotice` (accepting must leave the office its notice). Null when less than MIN_ANSWER_MINUTES would
 * remain: then the time is not offered and goes public.
 */
export function offerDeadline(now: Date, start: Date, timing: OfferTiming): Date | null {
  const byOfferTime = now.getTime() + timing.offerHours * 60 * MS_PER_MINUTE;
  const byNotice = start.getTime() - timing.minNoticeMinutes * MS_PER_MINUTE;
  const deadline = Math.min(byOfferTime, byNotice);
  if (deadline - now.getTime() < MIN_ANSWER_MINUTES * MS_PER_MINUTE) return null;
  return new Date(deadline);
}

/** What of a wish decides which starts suit it. */
export interface WishPreferences {
  serviceId: string;
  persons: number;
  earliestDate: LocalDate;
  latestDate: LocalDate;
  weekdays: readonly Weekday[];
  dayParts: readonly DayPart[];
  /** Starts (epoch ms) the wish was offered before and declined or let expire: never offered again. */
  refusedStarts: readonly number[];
}

/** Whether an appointment of `serviceId` for `persons` starting at `start` suits the wish. */
export function wishAccepts(
  wish: WishPreferences,
  offer: { serviceId: string; persons: number; start: Date | number },
  timeZone: string,
): boolean {
  const start = typeof offer.start === "number" ? offer.start : offer.start.getTime();
  const date = localDateOf(start, timeZone);
  return (
    offer.serviceId === wish.serviceId &&
    offer.persons === wish.persons &&
    date >= wish.earliestDate &&
    date <= wish.latestDate &&
    wish.weekdays.includes(weekdayOf(date)) &&
    wish.dayParts.includes(dayPartAt(start, timeZone)) &&
    !wish.refusedStarts.includes(start)
  );
}

/** A wish waiting for an offer, as the matching reads it. */
export interface WaitingWish extends RankedWish, Omit<WishPreferences, "serviceId"> {
  service: ServiceSpec;
  /** For a service in release-round mode: the dates drawn rounds have released (as for listing); absent: all. */
  released?: (date: LocalDate) => boolean;
}

export interface MatchInput {
  schedule: OfficeSchedule;
  /** The office's booking rules; the rebook delay is ignored (see matchOffers). */
  rules: BookingRules;
  /** Bookings that hold a clerk, as for listing and booking. */
  occupied: readonly OccupiedInterval[];
  now: Date;
  /** The office-local dates whose free time is offered (those the caller locked). */
  dates: readonly LocalDate[];
  wishes: readonly WaitingWish[];
  offerHours: number;
  urgentWithinDays: number;
}

export interface PlannedOffer {
  wishId: string;
  start: Date;
  end: Date;
  deadline: Date;
  /** The wish was urgent when offered (its booking carries the flag). */
  urgent: boolean;
}

/**
 * Which wish is offered which start: wishes in waitlistOrder, greedily, each offered the earliest free start on
 * `dates` that it accepts and that leaves time to answer (offerDeadline), at most one per wish; each offer occupies
 * its time before the next wish is asked (an appointment lies inside one date's opening window, so it touches only
 * its own locked date). Wishes get freed time at once: the public rebook delay is against bots,
 * and a wish is no bot.
 */
export function matchOffers(input: MatchInput): PlannedOffer[] {
  const tz = input.schedule.timeZone;
  const rules: BookingRules = { ...input.rules, rebookDelayMinutes: 0 };
  const dates = [...new Set(input.dates)].sort();
  if (dates.length === 0 || input.wishes.length === 0) return [];
  const locked = new Set(dates);
  const today = localDateOf(input.now, tz);
  const timing = { offerHours: input.offerHours, minNoticeMinutes: rules.minNoticeMinutes };
  const occupied: OccupiedInterval[] = [...input.occupied];
  const offers: PlannedOffer[] = [];

  for (const wish of waitlistOrder(input.wishes, input.urgentWithinDays, today)) {
    // An urgent wish may use the places kept for urgent cases, as an urgent citizen booking may.
    const urgent = isUrgent(wish.permitExpiresOn, input.urgentWithinDays, today);
    const from = dates[0] > wish.earliestDate ? dates[0] : wish.earliestDate;
    const to = dates[dates.length - 1] < wish.latestDate ? dates[dates.length - 1] : wish.latestDate;
    if (from > to) continue;
    const availability = prepareAvailability({
      schedule: input.schedule,
      rules,
      service: wish.service,
      persons: wish.persons,
      occupied,
      now: input.now,
      access: urgent ? "urgent" : "public",
      ...(wish.released ? { released: wish.released } : {}),
    });
    const preferences = { ...wish, serviceId: wish.service.id };
    let chosen: PlannedOffer | null = null;
    for (let date = from; date <= to && !chosen; date = addDays(date, 1)) {
      if (!locked.has(date) || !wish.weekdays.includes(weekdayOf(date))) continue;
      for (const slot of availability.list({ from: date, to: date })) {
        if (!wishAccepts(preferences, { serviceId: wish.service.id, persons: wish.persons, start: slot.start }, tz)) continue;
        const deadline = offerDeadline(input.now, slot.start, timing);
        if (!deadline) continue;
        chosen = {
          wishId: wish.id,
          start: slot.start,
          end: slot.end,
          deadline,
          urgent,
        };
        break;
      }
    }
    if (!chosen) continue;
    offers.push(chosen);
    occupied.push({
      start: chosen.start.getTime(),
      end: chosen.end.getTime(),
      serviceId: wish.service.id,
      ...(urgent ? { urgent: true } : {}),
    });
  }
  return offers;
}

/** Whether a wish is closed (EXPIRED) after `unanswered` of its offers expired without an answer. */
export function closesForSilence(unanswered: number): boolean {
  return unanswered >= MAX_UNANSWERED_OFFERS;
}
