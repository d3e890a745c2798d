import { emailCountingKey } from "./email-identity";
import { fromHex, hmacSha256, sha256, toHex, utf8 } from "./sha256";
import { type Availability, prepareAvailability } from "./slots";
import { datesBetween, weekdayOf } from "./time";
import type { BookingRules, LocalDate, OccupiedInterval, OfficeSchedule, ServiceSpec, Weekday } from "./types";
import { type DayPart, dayPartAt } from "./waitlist";

// The release draw: at the close of a release round's window the released times go to the requests by lot, not by
// speed. It is published and anyone can recompute it (prisma/verify-draw.ts runs exactly this file):
//
// 1. The seed is 32 random bytes, written as 64 hex digits. Its hash, SHA-256 of the 32 bytes in hex, is published
//    before the window opens; the seed itself after the draw. So the office cannot pick a seed once it knows the
//    requests, and nobody can predict the ranks before the draw.
// 2. Only requests confirmed by e-mail before the close take part, and one person counts once: of requests with the
//    same mailbox (emailCountingKey) or the same name and date of birth (identityHash), the first confirmed one
//    counts (`countedRequests`). The published record lists only the counted requests, by their reference only.
// 3. The rank of a request is HMAC-SHA256(key = seed bytes, message = UTF-8 of the request id), in hex. Requests are
//    taken in ascending rank (the id breaks a tie, which SHA-256 makes practically impossible). A rank depends on the
//    seed and the request's own id only: adding, removing or renaming another request changes no other rank, so
//    sending a request early, late or many times gains nothing.
// 4. In that order each request gets the earliest time in the round's period that it accepts (date between its
//    earliest and latest date, one of its weekdays, a start in one of its day parts: MORNING before 12:00 local
//    time, AFTERNOON from 12:00) and that the booking rule of slots.ts (`prepareAvailability`) accepts for its
//    service and number of persons, with the office's schedule, the bookings at the draw and every time assigned
//    before it counted as occupied. At most one time per request; a request with no such time gets none (it stays
//    on the waiting list).

/** One counted request as the draw and the published record see it: no personal data. */
export interface DrawRequest {
  id: string;
  serviceId: string;
  persons: number;
  earliestDate: LocalDate;
  latestDate: LocalDate;
  weekdays: Weekday[];
  dayParts: DayPart[];
}

export interface DrawInput {
  /** 64 hex digits. */
  seed: string;
  periodFrom: LocalDate;
  periodTo: LocalDate;
  schedule: OfficeSchedule;
  rules: BookingRules;
  services: ServiceSpec[];
  /** Bookings that hold a clerk at the draw, of any service. */
  occupied: OccupiedInterval[];
  now: Date;
  requests: DrawRequest[];
}

export interface DrawAssignment {
  requestId: string;
  serviceId: string;
  start: Date;
  end: Date;
}

export interface DrawResult {
  /** Every request id in the order of its rank. */
  order: string[];
  /** The requests that got a time, in rank order. */
  assignment: DrawAssignment[];
}

/** The published hash of a seed: SHA-256 of its bytes, hex. */
export function seedHashOf(seed: string): string {
  return toHex(sha256(seedBytes(seed)));
}

/** A request's rank: HMAC-SHA256 of its id under the seed, hex; the smaller, the earlier it chooses. */
export function requestRank(seed: string, requestId: string): string {
  return toHex(hmacSha256(seedBytes(seed), utf8(requestId)));
}

function seedBytes(seed: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(seed)) throw new RangeError("A seed is 64 lower-case hex digits");
  return fromHex(seed);
}

/** A request before counting: who sent it and when it was confirmed (epoch ms). */
export interface IdentifiedRequest {
  id: string;
  email: string;
  /** Hash of the normalised name and date of birth; null when unknown. */
  identityHash: string | null;
  confirmedAt: number;
}

/**
 * The requests that count, one per person: in order of confirmation (then id), a request counts unless one counted
 * before it has the same mailbox or the same identity hash.
 */
export function countedRequests<R extends IdentifiedRequest>(requests: readonly R[]): R[] {
  const mailboxes = new Set<string>();
  const identities = new Set<string>();
  const counted: R[] = [];
  const byConfirmation = [...requests].sort((a, b) => a.confirmedAt - b.confirmedAt || compare(a.id, b.id));
  for (const request of byConfirmation) {
    const mailbox = emailCountingKey(request.email);
    if (mailboxes.has(mailbox) || (request.identityHash !== null && identities.has(request.identityHash))) continue;
    mailboxes.add(mailbox);
    if (request.identityHash !== null) identities.add(request.identityHash);
    counted.push(request);
  }
  return counted;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The draw (steps 3 and 4 above). Pure: the same input gives the same result. */
export function drawRound(input: DrawInput): DrawResult {
  const ranked = input.requests
    .map((request) => ({ request, rank: requestRank(input.seed, request.id) }))
    .sort((a, b) => compare(a.rank, b.rank) || compare(a.request.id, b.request.id));
  const services = new Map(input.services.map((s) => [s.id, s]));
  const tz = input.schedule.timeZone;
  const occupied = [...input.occupied];
  // Availability per service and party size, indexed once and rebuilt only after an assignment changed the bookings.
  let prepared = new Map<string, Availability>();
  const availabilityFor = (serviceId: string, persons: number): Availability | null => {
    const service = services.get(serviceId);
    if (!service || persons < 1 || persons > service.maxPersons) return null;
    const key = `${serviceId}\u0000${persons}`;
    let availability = prepared.get(key);
    if (!availability) {
      availability = prepareAvailability({ schedule: input.schedule, rules: input.rules, service, persons, occupied, now: input.now });
      prepared.set(key, availability);
    }
    return availability;
  };

  const assignment: DrawAssignment[] = [];
  for (const { request } of ranked) {
    const availability = availabilityFor(request.serviceId, request.persons);
    if (!availability) continue;
    const from = request.earliestDate > input.periodFrom ? request.earliestDate : input.periodFrom;
    const to = request.latestDate < input.periodTo ? request.latestDate : input.periodTo;
    let found: { start: Date; end: Date } | undefined;
    for (const date of from <= to ? datesBetween(from, to) : []) {
      if (!request.weekdays.includes(weekdayOf(date))) continue;
      found = availability.list({ from: date, to: date }).find((slot) => request.dayParts.includes(dayPartAt(slot.start, tz)));
      if (found) break;
    }
    if (!found) continue;
    assignment.push({ requestId: request.id, serviceId: request.serviceId, ...found });
    occupied.push({ start: found.start.getTime(), end: found.end.getTime(), serviceId: request.serviceId });
    prepared = new Map();
  }
  return { order: ranked.map((r) => r.request.id), assignment };
}

/**
 * The places the period releases for each service, before any assignment: one-person appointments filled in earliest
 * first until none fits (a start with two free clerks appears twice). Each service is filled on its own, so where
 * services share clerks their places are alternatives, not a sum.
 */
export function releasedTimes(input: Omit<DrawInput, "requests" | "seed">): { serviceId: string; start: Date; end: Date }[] {
  return input.services.flatMap((service) => {
    const places: { serviceId: string; start: Date; end: Date }[] = [];
    const occupied = [...input.occupied];
    for (;;) {
      const free = prepareAvailability({ schedule: input.schedule, rules: input.rules, service, persons: 1, occupied, now: input.now }).list({
        from: input.periodFrom,
        to: input.periodTo,
      });
      // Appointments that do not overlap each other fit together: take one layer of them per pass.
      let layerEnd = -Infinity;
      const before = places.length;
      for (const slot of free) {
        if (slot.start.getTime() < layerEnd) continue;
        places.push({ serviceId: service.id, ...slot });
        occupied.push({ start: slot.start.getTime(), end: slot.end.getTime(), serviceId: service.id });
        layerEnd = slot.end.getTime();
      }
      if (places.length === before) break;
    }
    return places.sort((a, b) => a.start.getTime() - b.start.getTime());
  });
}

/**
 * The published record of a draw: everything needed to recompute it, and nothing personal. Instants are ISO
 * strings; `occupied` are the bookings that held a clerk at the draw (times and service only).
 */
export interface DrawRecord {
  version: 1;
  roundId: string;
  seed: string;
  seedHash: string;
  periodFrom: LocalDate;
  periodTo: LocalDate;
  now: string;
  schedule: OfficeSchedule;
  rules: BookingRules;
  services: ServiceSpec[];
  occupied: { start: string; end: string; serviceId: string }[];
  requests: DrawRequest[];
  released: { serviceId: string; start: string; end: string }[];
  assignment: { requestId: string; serviceId: string; start: string; end: string }[];
}

/** Runs the draw and writes its record. */
export function recordDraw(roundId: string, input: DrawInput): { result: DrawResult; record: DrawRecord } {
  const result = drawRound(input);
  const iso = (t: Date | number) => new Date(t).toISOString();
  const record: DrawRecord = {
    version: 1,
    roundId,
    seed: input.seed,
    seedHash: seedHashOf(input.seed),
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    now: iso(input.now),
    schedule: input.schedule,
    rules: input.rules,
    services: input.services,
    occupied: input.occupied.map((o) => ({ start: iso(o.start), end: iso(o.end), serviceId: o.serviceId })),
    requests: input.requests,
    released: releasedTimes(input).map((t) => ({ serviceId: t.serviceId, start: iso(t.start), end: iso(t.end) })),
    assignment: result.assignment.map((a) => ({ requestId: a.requestId, serviceId: a.serviceId, start: iso(a.start), end: iso(a.end) })),
  };
  return { result, record };
}

/** The draw's input as a record states it. */
export function drawInputOf(record: DrawRecord): DrawInput {
  return {
    seed: record.seed,
    periodFrom: record.periodFrom,
    periodTo: record.periodTo,
    schedule: record.schedule,
    rules: record.rules,
    services: record.services,
    occupied: record.occupied.map((o) => ({ start: Date.parse(o.start), end: Date.parse(o.end), serviceId: o.serviceId })),
    now: new Date(record.now),
    requests: record.requests,
  };
}

export interface DrawVerification {
  /** SHA-256 of the published seed is the hash published before the window. */
  seedMatchesHash: boolean;
  /** Recomputing the draw from the record gives exactly the published assignment. */
  assignmentMatches: boolean;
  /** Requests whose recomputed time differs from the published one (or that got one in only one of them). */
  differences: string[];
}

/** Recomputes a published record. `publishedSeedHash` is the hash published before the window, if known apart. */
export function verifyDrawRecord(record: DrawRecord, publishedSeedHash = record.seedHash): DrawVerification {
  // Hex is case-blind: a hash copied in capitals is the same hash.
  const expected = publishedSeedHash.toLowerCase();
  let seedMatchesHash = false;
  try {
    seedMatchesHash = seedHashOf(record.seed) === expected && record.seedHash.toLowerCase() === expected;
  } catch {
    return { seedMatchesHash: false, assignmentMatches: false, differences: [] };
  }
  const recomputed = new Map(
    drawRound(drawInputOf(record)).assignment.map((a) => [a.requestId, `${a.serviceId} ${a.start.toISOString()}`]),
  );
  const published = new Map(record.assignment.map((a) => [a.requestId, `${a.serviceId} ${new Date(a.start).toISOString()}`]));
  const differences = [...new Set([...recomputed.keys(), ...published.keys()])].filter(
    (id) => recomputed.get(id) !== published.get(id),
  );
  return { seedMatchesHash, assignmentMatches: differences.length === 0, differences };
}
