import "server-only";
import { localDateOf } from "@/lib/domain";
import { localizeService, type TranslatableService } from "@/lib/domain/service-texts";
import { ticketLabel } from "@/lib/domain/ticket";
import type { Db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { consumePoint, tableLimiter } from "@/lib/server/security/rate-limit";
import { pairedDevice } from "@/lib/server/services/devices/device-access";
import { issueWalkInTicket } from "@/lib/server/services/queue/issue-walk-in";
import { walkInWaitTimes } from "@/lib/server/services/queue/wait-times";
import { catalogueTexts, serviceListOrder, withTexts } from "@/lib/server/services/service-texts";
import type { TicketView } from "@/lib/schemas/checkin";
import { checkIn, type CheckedIn } from "./check-in";

// What a kiosk may read: its own office, and today's tickets of that office. The device credential is its only
// authorisation; it never carries a staff session.

/** The office of `slug` and the kiosk of that office whose credential this is; null when either is missing. */
export async function kioskOf(db: Db, officeSlug: string, credential: string | undefined, now: Date) {
  const paired = await pairedDevice(db, credential, "KIOSK", officeSlug, now);
  if (!paired || !paired.office.active) return null;
  const services = await db.service.findMany({
    where: { officeId: paired.office.id, active: true },
    orderBy: serviceListOrder,
    include: catalogueTexts,
  });
  return { office: { ...paired.office, services: services.map(withTexts) }, device: paired.device };
}

export type Kiosk = NonNullable<Awaited<ReturnType<typeof kioskOf>>>;

/** A ticket as the kiosk shows it, before the wait is estimated; the ticket's own language comes first. */
export type KioskTicket = Omit<TicketView, "waitMinutes"> & { id: string; locale: string };

/** What a ticket shows in `locale`: its number, its service's name, its times and where to wait. */
export function ticketView(
  ticket: { id: string; series: string; number: number; kind: "APPOINTMENT" | "WALK_IN"; locale: string; dueAt: Date | null; arrivedAt: Date },
  service: TranslatableService,
  office: { waitingArea: string | null; timeZone: string },
  locale: string,
): KioskTicket {
  const localized = localizeService(service, locale);
  return {
    id: ticket.id,
    label: ticketLabel(ticket.series, ticket.number),
    kind: ticket.kind,
    locale: ticket.locale,
    serviceName: localized.name,
    serviceNameLocale: localized.textLocales.name,
    dueAt: ticket.dueAt,
    arrivedAt: ticket.arrivedAt,
    waitingArea: office.waitingArea,
    timeZone: office.timeZone,
  };
}

/** Today's ticket of the kiosk's office, in `locale`; null for any other (another office's, yesterday's). */
export async function kioskTicket(db: Db, kiosk: Kiosk, ticketId: string, locale: string, now: Date): Promise<KioskTicket | null> {
  if (!/^[a-z0-9]{10,40}$/.test(ticketId)) return null;
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, include: { service: { include: catalogueTexts } } });
  const { office } = kiosk;
  if (!ticket || ticket.officeId !== office.id || ticket.date !== localDateOf(now, office.timeZone)) return null;
  return ticketView(ticket, withTexts(ticket.service), office, locale);
}

/** Check-in and walk-in attempts per kiosk and minute: a queue at the door fits, guessing reference codes does not. */
export const KIOSK_ATTEMPTS_PER_MINUTE = 30;

/**
 * A check-in at the kiosk of `officeSlug`: the credential must be that office's kiosk (not a display, not another
 * office's kiosk, not revoked), and each attempt counts against the kiosk's rate limit before anything is looked up.
 */
export async function checkInAtKiosk(
  db: Db,
  input: { officeSlug: string; credential: string | undefined; by: { token: string } | { referenceCode: string } },
  now: Date,
): Promise<CheckedIn> {
  const kiosk = await kioskOf(db, input.officeSlug, input.credential, now);
  if (!kiosk) throw new AppError("DEVICE_NOT_PAIRED");
  const wait = await consumePoint(tableLimiter(db, "kiosk", KIOSK_ATTEMPTS_PER_MINUTE, 60), kiosk.device.id);
  if (wait !== null) throw new AppError("RATE_LIMITED");
  return checkIn(db, { officeId: kiosk.office.id, by: input.by, deviceId: kiosk.device.id }, now);
}

/** The walk-in services the kiosk offers now: the services taking walk-ins today, with their expected wait. */
export async function kioskWalkIns(db: Db, kiosk: Kiosk, locale: string, now: Date) {
  const times = await walkInWaitTimes(db, kiosk.office.id, now);
  return times.flatMap((time) => {
    const service = kiosk.office.services.find((s) => s.id === time.serviceId);
    if (!service || !time.open) return [];
    const localized = localizeService(service, locale);
    return [{ serviceId: service.id, name: localized.name, nameLocale: localized.textLocales.name, full: time.full, minutes: time.minutes }];
  });
}

/**
 * A walk-in ticket drawn at the kiosk of `officeSlug`, in the language the kiosk shows: the same credential rule and
 * rate limit as a check-in, the walk-in rules of issueWalkInTicket, and an audit entry with the kiosk as detail.
 */
export async function walkInAtKiosk(
  db: Db,
  input: { officeSlug: string; credential: string | undefined; serviceId: string; locale: string },
  now: Date,
): Promise<{ ticketId: string; label: string }> {
  const kiosk = await kioskOf(db, input.officeSlug, input.credential, now);
  if (!kiosk) throw new AppError("DEVICE_NOT_PAIRED");
  const wait = await consumePoint(tableLimiter(db, "kiosk", KIOSK_ATTEMPTS_PER_MINUTE, 60), kiosk.device.id);
  if (wait !== null) throw new AppError("RATE_LIMITED");
  const ticket = await issueWalkInTicket(
    db,
    {
      officeId: kiosk.office.id,
      serviceId: input.serviceId,
      locale: input.locale,
      audit: { actorId: null, details: { device: kiosk.device.id } },
    },
    now,
  );
  return { ticketId: ticket.id, label: ticketLabel(ticket.series, ticket.number) };
}
