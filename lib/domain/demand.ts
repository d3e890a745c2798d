import type { ServiceSpec } from "./types";

// What an appointment asks of a clerk: the services taken care of in it and how it takes place. Capacity pools are
// matched against this demand, never against a single service: a clerk counts for an appointment only when they
// serve every one of its services and its kind (a clerk in the back room doing phone counselling takes no visitor).
//
// A demand travels as an opaque key, so that it can be counted in a Map like the service ids it generalises: the
// sorted service ids joined by "+", then "@" and the kind unless in person. A single service in person is keyed by
// its id alone, so plain service ids stay valid demand keys.

export const APPOINTMENT_KINDS = ["IN_PERSON", "PHONE", "VIDEO"] as const;

/** How an appointment takes place: at the office, by phone (the office calls), or in a video meeting. */
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];

/** A canonical demand key (see `demandKey`). */
export type DemandKey = string;

export interface Demand {
  /** Sorted, without duplicates, at least one. */
  serviceIds: readonly string[];
  kind: AppointmentKind;
}

const SERVICE_SEPARATOR = "+";
const KIND_SEPARATOR = "@";

export function isAppointmentKind(value: unknown): value is AppointmentKind {
  return typeof value === "string" && (APPOINTMENT_KINDS as readonly string[]).includes(value);
}

/** The canonical key of an appointment for these services (in any order) and kind. */
export function demandKey(serviceIds: readonly string[], kind: AppointmentKind = "IN_PERSON"): DemandKey {
  if (serviceIds.length === 0) throw new RangeError("A demand needs at least one service");
  for (const id of serviceIds) {
    if (id === "" || id.includes(SERVICE_SEPARATOR) || id.includes(KIND_SEPARATOR)) {
      throw new RangeError(`Not a service id for a demand: ${JSON.stringify(id)}`);
    }
  }
  if (!isAppointmentKind(kind)) throw new RangeError(`Unknown appointment kind: ${String(kind)}`);
  const ids = [...new Set(serviceIds)].sort().join(SERVICE_SEPARATOR);
  return kind === "IN_PERSON" ? ids : `${ids}${KIND_SEPARATOR}${kind}`;
}

// Keys are parsed on the hot path of slot planning (per pool and elementary interval); an office has few distinct
// keys, so their parses are kept. The bound only guards against a caller inventing keys without end.
const parsed = new Map<DemandKey, Demand>();
const MAX_PARSED = 10_000;

/** The services and kind of a demand key; a plain service id is that service in person. */
export function parseDemandKey(key: DemandKey): Demand {
  const known = parsed.get(key);
  if (known) return known;
  const at = key.indexOf(KIND_SEPARATOR);
  const kind = at < 0 ? "IN_PERSON" : key.slice(at + 1);
  if (!isAppointmentKind(kind)) throw new RangeError(`Unknown appointment kind in demand ${JSON.stringify(key)}`);
  const ids = (at < 0 ? key : key.slice(0, at)).split(SERVICE_SEPARATOR);
  if (ids.some((id) => id === "")) throw new RangeError(`Not a demand key: ${JSON.stringify(key)}`);
  const demand: Demand = { serviceIds: [...new Set(ids)].sort(), kind };
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(key, demand);
  return demand;
}

/**
 * Kinds stored comma-separated ("PHONE,VIDEO"), in the canonical order; unknown entries are dropped. Empty means
 * "every kind" on capacity and "nothing" on a service; the caller decides.
 */
export function parseAppointmentKinds(stored: string | null | undefined): AppointmentKind[] {
  const listed = new Set((stored ?? "").split(",").map((k) => k.trim()));
  return APPOINTMENT_KINDS.filter((k) => listed.has(k));
}

export function formatAppointmentKinds(kinds: readonly AppointmentKind[]): string {
  return APPOINTMENT_KINDS.filter((k) => kinds.includes(k)).join(",");
}

/**
 * The kinds a combination of services can take place in: those every service offers, and video only where the
 * office has its own meeting address (nothing third-party by default).
 */
export function offeredKinds(serviceKinds: ReadonlyArray<readonly AppointmentKind[]>, videoAvailable: boolean): AppointmentKind[] {
  if (serviceKinds.length === 0) return [];
  return APPOINTMENT_KINDS.filter((k) => (k !== "VIDEO" || videoAvailable) && serviceKinds.every((kinds) => kinds.includes(k)));
}

/**
 * One appointment for several services of an office: it takes each service's duration plus each one's minutes per
 * further person, admits as many persons as the most restrictive service, and its id is the demand key, so the slot
 * rules treat it as one service that only clerks serving all of them (and the kind) can take.
 */
export function combinedService(services: readonly ServiceSpec[], kind: AppointmentKind = "IN_PERSON"): ServiceSpec {
  if (services.length === 0) throw new RangeError("A combined appointment needs at least one service");
  const ids = services.map((s) => s.id);
  if (new Set(ids).size !== ids.length) throw new RangeError("A combined appointment lists each service once");
  return {
    id: demandKey(ids, kind),
    durationMinutes: services.reduce((n, s) => n + s.durationMinutes, 0),
    extraPersonMinutes: services.reduce((n, s) => n + s.extraPersonMinutes, 0),
    maxPersons: Math.min(...services.map((s) => s.maxPersons)),
  };
}

/** Placeholder in an office's video-meeting address for the booking's reference code. */
export const VIDEO_REFERENCE_PLACEHOLDER = "{reference}";

/** Whether a video-meeting address template is acceptable: an https URL with the reference placeholder. */
export function isVideoMeetingTemplate(template: string): boolean {
  if (!template.includes(VIDEO_REFERENCE_PLACEHOLDER)) return false;
  try {
    const url = new URL(template.replaceAll(VIDEO_REFERENCE_PLACEHOLDER, "reference"));
    return url.protocol === "https:" && url.hostname !== "" && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

/** The meeting link of a video appointment: the office's template with the reference code put in, URL-encoded. */
export function videoMeetingUrl(template: string, referenceCode: string): string {
  return template.replaceAll(VIDEO_REFERENCE_PLACEHOLDER, encodeURIComponent(referenceCode));
}
