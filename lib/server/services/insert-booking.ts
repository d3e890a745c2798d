import { randomBytes } from "node:crypto";
import { type AccessKind, checkSlot, referenceCodeFrom } from "@/lib/domain";
import type { PersonalData } from "@/lib/schemas/booking";
import type { OfficeSchedule } from "@/lib/domain";
import type { Db, Tx } from "@/lib/server/db/client";
import { Prisma } from "@/lib/server/db/generated/sqlite/client";
import { type DayLocks, readScheduleVersions, sameSchedule } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { cachedConfig } from "@/lib/server/db/config-cache";
import { enqueueMail, mailBrandingOf, prepareMailWithBranding, type PreparedMail, writePreparedMail } from "@/lib/server/mail/outbox";
import { type AppointmentShape, IN_PERSON_ALONE, loadAvailability, type LoadAvailabilityOptions, loadSchedule } from "./availability";
import { bookingMailPayload } from "./booking-mail";
import { manageUrl } from "./booking-urls";
import { emailColumns } from "@/lib/domain/email-identity";
import type { TranslatableService } from "@/lib/domain/service-texts";
import { emitBookingEvent, webhookEndpointsOf, type WebhookEndpointRow } from "@/lib/server/webhooks/emit";

/** The person's data as the booking row stores it: every field present, an absent one null, the family name required. */
type StoredPersonalData = { [F in keyof PersonalData]-?: Exclude<PersonalData[F], undefined> | null } & Pick<PersonalData, "familyName">;

type Office = LoadAvailabilityOptions["office"] & Parameters<typeof bookingMailPayload>[0]["office"];
type Service = LoadAvailabilityOptions["service"] & TranslatableService;

type InsertArgs = {
    office: Office;
    service: Service;
    /** Further services of the appointment (stored as BookingService rows) and its kind; absent: alone, in person. */
    shape?: AppointmentShape<Service>;
    start: Date;
    endsAt: Date;
    persons: number;
    now: Date;
    /** Local dates the appointment touches. */
    from: string;
    to: string;
    channel: "ONLINE" | "API" | "PHONE" | "COUNTER";
    locale: string;
    person: StoredPersonalData;
    manageToken: { token: string; hash: string };
    /** Set for a booking that waits for the citizen's confirmation (e-mail verification): it is held until then. */
    holdExpiresAt?: Date;
    /** Who books: an "urgent" booking may take a kept place and is stored as urgent, filling kept places first. */
    access: AccessKind;
};

/**
 * What a booking reads and renders before it takes the day locks (prepareBooking), so that the transaction holding
 * the lock only re-reads the day's bookings and writes. The schedule is used under the lock only while the dates'
 * schedule versions are unchanged (sameSchedule); otherwise it is read again there.
 */
export interface PreparedBooking {
  id: string;
  referenceCode: string;
  scheduleVersions: ReadonlyMap<string, number>;
  schedule: OfficeSchedule;
  /** The confirmation (or "please confirm") e-mail, rendered; null without an address. */
  mail: PreparedMail | null;
  webhookEndpoints: WebhookEndpointRow[];
}

/**
 * The reads and the rendering of insertCheckedBooking that need no lock: the schedule of the dates (after their
 * schedule versions, so that a capacity change committed in between shows as a changed version), a fresh id and
 * reference code, the e-mail and the office's webhook endpoints.
 */
export async function prepareBooking(db: Db, args: InsertArgs, configRevision: number | null = null): Promise<PreparedBooking> {
  const { office, service } = args;
  const shape = args.shape ?? IN_PERSON_ALONE;
  const id = newRecordId();
  // The schedule, the endpoints and the branding come from the configuration cache while `configRevision` holds.
  // A schedule kept there is checked under the lock like a fresh one: by the dates' schedule versions read before it.
  const cached = <T>(key: string, load: () => Promise<T>) => cachedConfig(db, configRevision, key, load);
  const [scheduleAndVersions, referenceCode, webhookEndpoints, branding] = await Promise.all([
    cached(`booking-schedule:${office.id}:${args.from}:${args.to}`, () =>
      // Versions first, then the schedule: never the other way round.
      readScheduleVersions(db, office.id, [args.from, args.to]).then(async (scheduleVersions) => ({
        scheduleVersions,
        schedule: await loadSchedule(db, office, args.from, args.to),
      })),
    ),
    uniqueReferenceCode(db),
    cached(`webhooks:${office.id}`, () => webhookEndpointsOf(db, office.id)),
    args.person.email ? cached("mail-branding", () => mailBrandingOf(db)) : undefined,
  ]);
  const mail = args.person.email
    ? await prepareMailWithBranding(
        createdBookingMail(args, args.person.email, {
          id,
          referenceCode,
          startsAt: args.start,
          endsAt: args.endsAt,
          persons: args.persons,
          givenName: args.person.givenName,
          familyName: args.person.familyName,
          locale: args.locale,
          kind: shape.kind,
        }),
        branding,
      )
    : null;
  return { id, referenceCode, ...scheduleAndVersions, mail, webhookEndpoints };
}

/** The e-mail of a new booking: a hold asks the citizen to confirm, the confirmation follows once they have. */
function createdBookingMail(args: InsertArgs, recipient: string, booking: Parameters<typeof bookingMailPayload>[0]["booking"] & { id: string }) {
  return {
    template: args.holdExpiresAt !== undefined ? ("booking-verification" as const) : ("booking-confirmation" as const),
    recipient,
    officeId: args.office.id,
    bookingId: booking.id,
    payload: bookingMailPayload({
      office: args.office,
      service: args.service,
      furtherServices: (args.shape ?? IN_PERSON_ALONE).furtherServices,
      booking,
      manageUrl: manageUrl(args.manageToken.token, args.locale),
      holdExpiresAt: args.holdExpiresAt,
    }),
  };
}

/**
 * A new record id in the shape of Prisma's cuid() (a "c", then letters and digits), made before the insert so that
 * the e-mail naming the booking can be rendered outside the transaction.
 */
export function newRecordId(): string {
  const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  const random = [...randomBytes(16)].map((b) => alphabet[b % 36]).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${random}`;
}

/**
 * The heart of every booking, online or by staff, run inside the caller's bookingTransaction (after the day locks):
 * re-read the day's bookings, re-check the slot with the same rule the calendar lists by, insert (confirmed, or held
 * until `holdExpiresAt`), and write the confirmation or "please confirm" e-mail to the outbox when there is an address.
 * With `prepared` (prepareBooking, read before the locks) and the transaction's `locks`, only the bookings are read
 * here, and the schedule too when a capacity change of the dates committed since it was prepared.
 */
export async function insertCheckedBooking(
  tx: Tx,
  args: InsertArgs & { prepared?: { booking: PreparedBooking; locks: DayLocks } },
) {
  const { office, service, access } = args;
  const shape = args.shape ?? IN_PERSON_ALONE;
  const prepared = args.prepared?.booking;
  const schedule = prepared && sameSchedule(prepared.scheduleVersions, args.prepared!.locks) ? prepared.schedule : undefined;
  const load = {
    office,
    service,
    shape,
    persons: args.persons,
    now: args.now,
    from: args.from,
    to: args.to,
    access,
    schedule,
    overlapping: { start: args.start, end: args.endsAt },
  };
  await assertSlotFree(tx, load, args.start);

  const held = args.holdExpiresAt !== undefined;
  const created = await tx.booking.create({
    data: {
      ...(prepared ? { id: prepared.id } : {}),
      officeId: office.id,
      serviceId: service.id,
      startsAt: args.start,
      endsAt: args.endsAt,
      persons: args.persons,
      status: held ? "HELD" : "CONFIRMED",
      holdExpiresAt: args.holdExpiresAt ?? null,
      channel: args.channel,
      referenceCode: prepared?.referenceCode ?? (await uniqueReferenceCode(tx)),
      manageTokenHash: args.manageToken.hash,
      locale: args.locale,
      urgent: access === "urgent",
      kind: shape.kind,
      ...args.person,
      ...emailColumns(args.person.email),
      ...(shape.furtherServices.length > 0
        ? { extraServices: { create: shape.furtherServices.map((s, i) => ({ serviceId: s.id, position: i + 1 })) } }
        : {}),
    },
  });
  if (prepared) {
    if (prepared.mail) await writePreparedMail(tx, prepared.mail);
    if (prepared.webhookEndpoints.length > 0) await emitBookingEvent(tx, "booking.created", created, args.now, prepared.webhookEndpoints);
    return created;
  }
  if (args.person.email) await enqueueMail(tx, createdBookingMail(args, args.person.email, created));
  await emitBookingEvent(tx, "booking.created", created, args.now);
  return created;
}

/**
 * THE re-check inside a booking transaction (after the day locks): re-reads the bookings and asks the same domain
 * rule the calendar lists by; throws the slot error when `start` cannot be booked.
 */
export async function assertSlotFree(tx: Tx, load: LoadAvailabilityOptions, start: Date): Promise<void> {
  const check = checkSlot(await loadAvailability(tx, load), start);
  if (!check.ok) throw slotError(check.reason);
}

const SLOT_ERRORS = {
  "too-soon": "SLOT_TOO_SOON",
  "beyond-horizon": "SLOT_BEYOND_HORIZON",
  // A date no release round has released yet is, for the citizen, simply not offered.
  "not-released": "SLOT_NOT_OFFERED",
  "not-offered": "SLOT_NOT_OFFERED",
  full: "SLOT_TAKEN",
} as const;

export function slotError(reason: keyof typeof SLOT_ERRORS): AppError {
  return new AppError(SLOT_ERRORS[reason]);
}

/**
 * A reference code no booking and no wish has: citizens and staff look both up by it, so a booking's code must not
 * be a wish's either (and the other way round).
 */
export async function uniqueReferenceCode(tx: Db | Tx): Promise<string> {
  for (;;) {
    const code = referenceCodeFrom(randomBytes(8));
    // One round trip for both tables (both columns are unique, so each side reads one index entry at most).
    const taken = await tx.$queryRaw<unknown[]>(Prisma.sql`
      SELECT 1 FROM "Booking" WHERE "referenceCode" = ${code} UNION ALL SELECT 1 FROM "Wish" WHERE "referenceCode" = ${code}`);
    if (taken.length === 0) return code;
  }
}

/**
 * Moving a booking, for citizens and staff alike, inside the caller's bookingTransaction (old and new days locked):
 * re-check the new start without the booking itself, move it only if it is still as the caller read it, and write
 * the "rescheduled" e-mail. A `manageToken` with a hash replaces the stored link (staff moves; only hashes are kept).
 * A booking the office cancelled is booked again at the new time (the citizen picked one through the link).
 * Returns false when the booking changed meanwhile.
 */
export async function moveCheckedBooking(
  tx: Tx,
  args: {
    office: Office;
    service: Service;
    /** The booking's further services and kind, as stored (`shapeOfBooking`). */
    shape?: AppointmentShape<Service>;
    booking: Parameters<typeof bookingMailPayload>[0]["booking"] & {
      id: string;
      officeId: string;
      email: string | null;
      status: string;
    };
    start: Date;
    endsAt: Date;
    now: Date;
    from: string;
    to: string;
    manageToken: { token: string; hash?: string };
    /** Other bookings of the same bulk move that still wait at their old times: they do not compete. */
    othersMoving?: readonly string[];
    /** Why the office moved it, shown in the e-mail. */
    reason?: string;
    /** "staff" for the office's moves; a citizen's move keeps the booking's own access (`bookingAccess`). */
    access: AccessKind;
  },
): Promise<boolean> {
  const { office, service, booking, access } = args;
  const shape = args.shape ?? IN_PERSON_ALONE;
  const load = { office, service, shape, persons: booking.persons, now: args.now, from: args.from, to: args.to, access };
  await assertSlotFree(tx, { ...load, excludeBookingId: [booking.id, ...(args.othersMoving ?? [])] }, args.start);
  const rebooking = booking.status === "CANCELLED";
  const { count } = await tx.booking.updateMany({
    where: { id: booking.id, status: rebooking ? "CANCELLED" : "CONFIRMED", startsAt: booking.startsAt, erasedAt: null },
    data: {
      startsAt: args.start,
      endsAt: args.endsAt,
      // The new time deserves its own reminder.
      reminderSentAt: null,
      ...(rebooking ? { status: "CONFIRMED" as const, cancelledAt: null, cancelReason: null } : {}),
      ...(args.manageToken.hash ? { manageTokenHash: args.manageToken.hash } : {}),
    },
  });
  if (count === 0) return false;
  await emitBookingEvent(tx, "booking.moved", booking, args.now);
  if (booking.email) {
    await enqueueMail(tx, {
      template: "booking-rescheduled",
      recipient: booking.email,
      officeId: booking.officeId,
      bookingId: booking.id,
      payload: bookingMailPayload({
        office,
        service,
        furtherServices: shape.furtherServices,
        booking: { ...booking, startsAt: args.start, endsAt: args.endsAt },
        manageUrl: manageUrl(args.manageToken.token, booking.locale),
        previous: { startsAt: booking.startsAt, endsAt: booking.endsAt },
        reason: args.reason,
      }),
    });
  }
  return true;
}
