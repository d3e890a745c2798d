import { addDays, localDateOf, normalizeReferenceCode, startOfWeek, zonedInstant, type LocalDate } from "@/lib/domain";
import type { Actor } from "@/lib/server/auth/permissions";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { type AgendaRow, matchesSearch, totalsOf } from "@/lib/domain/agenda";
import {
  allowedStatusActions,
  closeDay,
  correctableUntil,
  correctionDays,
  isChangeable,
  type BookingStatusName,
} from "@/lib/domain/booking-status";
import { furtherServicesOrder } from "../availability";
import { catalogueName, withName } from "../service-texts";
import { displayName, loadOfficeFor } from "./common";

export interface AgendaInput {
  officeSlug: string;
  /** First office-local date shown (default: today in the office's time zone). */
  from?: LocalDate;
  /** Last date shown (default `from`); at most MAX_AGENDA_DAYS after it. */
  to?: LocalDate;
  /** "week": the ISO week (Monday to Sunday) containing `from`; `to` is then ignored. */
  span?: "day" | "week";
  /** Only this service (slug); an unknown slug filters nothing. */
  serviceSlug?: string;
  /** A reference code (any spelling) or part of a name or code. */
  search?: string;
  now: Date;
}

export const MAX_AGENDA_DAYS = 7;

/** Holds waiting for the citizen's confirmation take a place too, so they are shown (marked); expired ones not. */
const liveStatuses = (now: Date) => [{ status: { not: "HELD" as const } }, { status: "HELD" as const, holdExpiresAt: { gt: now } }];

/**
 * The appointments of one office for a day (or up to a week), in time order, with what a clerk may do with each.
 * Running holds are shown, marked; expired ones are left out. Totals count the service filter but not the search,
 * so they always describe the day. A complete reference code is looked up on every day: `opened` is its appointment,
 * which the page opens directly, so a clerk gets from a code to the appointment in one step.
 */
export async function listAgenda(db: Db, actor: Actor, input: AgendaInput) {
  const office = await loadOfficeFor(db, actor, input.officeSlug, "bookings:work");
  const tz = office.timeZone;
  const asked = input.from ?? localDateOf(input.now, tz);
  const from = input.span === "week" ? startOfWeek(asked) : asked;
  let to = input.span === "week" ? addDays(from, 6) : (input.to ?? from);
  if (to < from) throw new AppError("INVALID_INPUT");
  if (to > addDays(from, MAX_AGENDA_DAYS - 1)) to = addDays(from, MAX_AGENDA_DAYS - 1);
  const service = input.serviceSlug ? office.services.find((s) => s.slug === input.serviceSlug) : undefined;

  const bookings = await db.booking.findMany({
    where: {
      officeId: office.id,
      startsAt: { gte: new Date(zonedInstant(from, 0, tz)), lt: new Date(zonedInstant(addDays(to, 1), 0, tz)) },
      OR: liveStatuses(input.now),
    },
    include: {
      service: { select: { id: true, slug: true, ...catalogueName } },
      extraServices: { ...furtherServicesOrder, include: { service: { select: { id: true, slug: true, ...catalogueName } } } },
    },
    orderBy: [{ startsAt: "asc" }, { referenceCode: "asc" }],
  });

  const all: AgendaRow[] = bookings.map((b) => ({
    id: b.id,
    date: localDateOf(b.startsAt, tz),
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    durationMinutes: Math.round((b.endsAt.getTime() - b.startsAt.getTime()) / 60_000),
    service: withName(b.service),
    furtherServices: b.extraServices.map((e) => withName(e.service)),
    kind: b.kind,
    persons: b.persons,
    name: b.erasedAt ? null : displayName(b),
    phone: b.erasedAt ? null : b.phone,
    referenceCode: b.referenceCode,
    status: b.status as BookingStatusName,
    channel: b.channel,
    actions: b.erasedAt ? [] : allowedStatusActions(b, input.now, office),
    changeable: !b.erasedAt && isChangeable(b, input.now),
  }));

  // A combined appointment is one of each of its services.
  const rows = service ? all.filter((r) => [r.service, ...r.furtherServices].some((s) => s.id === service.id)) : all;
  const search = input.search?.trim() || undefined;
  const shown = search ? rows.filter((r) => matchesSearch(r, search)) : rows;

  // Closing a single day concerns all of it, whatever the filters show; it asks the same rule as the bulk action.
  const closing = from === to ? closeDay(from, bookings.filter((b) => !b.erasedAt), input.now, office) : null;
  const openIds = new Set(closing?.ok ? closing.open.map((b) => b.id) : []);

  const code = search ? normalizeReferenceCode(search) : null;
  const opened = code
    ? await db.booking.findFirst({
        where: { officeId: office.id, referenceCode: code, erasedAt: null, OR: liveStatuses(input.now) },
        select: { id: true },
      })
    : null;

  return {
    office,
    services: office.services,
    serviceFilter: service ?? null,
    search: search ?? null,
    from,
    to,
    today: localDateOf(input.now, tz),
    rows: shown,
    totals: totalsOf(rows),
    /** Appointments of the finished day still without an outcome, to record as no-shows together. */
    open: all.filter((r) => openIds.has(r.id)),
    /** The last date on which the statuses of `from` may still be corrected (the office's setting). */
    correctableUntil: correctableUntil(from, office),
    correctionDays: correctionDays(office),
    opened,
    /** A complete code that names no appointment of this office. */
    unknownCode: code && !opened ? code : null,
  };
}

export type Agenda = Awaited<ReturnType<typeof listAgenda>>;
