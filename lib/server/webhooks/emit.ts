import { randomUUID } from "node:crypto";
import { type BookingEventType, subscribes, TEST_EVENT, type WebhookEventType } from "@/lib/schemas/webhooks";
import type { Db, Tx } from "@/lib/server/db/client";
import { appointmentColumns, bookingServicesSelect, servicesOf } from "@/lib/server/services/booking-services";

// Booking events for the case-management systems go through the outbox like e-mails: written in the transaction
// that makes the change, so an event exists exactly when the change is committed, and delivered by the outbox
// worker (lib/server/mail/outbox.ts) with retries. The stored payload never holds personal data: the person is
// added at delivery for endpoints that are allowed to receive it, so erasure has nothing to chase in the outbox.

/** The JSON body of a booking event, without the person (see `WebhookPayload` for what is delivered). */
export interface StoredWebhookEvent {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  office: { slug: string };
  booking?: {
    reference: string;
    startsAt: string;
    endsAt: string;
    status: string;
    kind: string;
    services: Array<{ slug: string; leikaKey: string | null }>;
    persons: number;
  };
}

const bookingForEvent = {
  ...appointmentColumns,
  office: { select: { slug: true } },
  ...bookingServicesSelect({ catalogueService: { select: { slug: true, leikaKey: true } } }),
} as const;

/**
 * Writes one delivery of event `type` for `booking` (as the transaction now sees it) to every active endpoint of
 * its office that subscribes to the event, all under one fresh event id. Call it inside the transaction that makes
 * the change, after the change. Returns the event id, or null when no endpoint wants the event.
 */
export async function emitBookingEvent(
  tx: Tx,
  type: BookingEventType,
  booking: { id: string; officeId?: string },
  now: Date = new Date(),
  /** The office's active endpoints, when the caller read them before its locks (webhookEndpointsOf). */
  known?: readonly WebhookEndpointRow[],
): Promise<string | null> {
  const officeId = booking.officeId ?? (await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: { officeId: true } })).officeId;
  const endpoints = (known ?? (await webhookEndpointsOf(tx, officeId))).filter((e) => subscribes(e.events, type));
  if (endpoints.length === 0) return null;
  const b = await tx.booking.findUniqueOrThrow({ where: { id: booking.id }, select: bookingForEvent });
  const event: StoredWebhookEvent = {
    id: randomUUID(),
    type,
    occurredAt: now.toISOString(),
    office: { slug: b.office.slug },
    booking: {
      reference: b.referenceCode,
      startsAt: b.startsAt.toISOString(),
      endsAt: b.endsAt.toISOString(),
      status: b.status,
      kind: b.kind,
      services: servicesOf(b).map((s) => ({
        slug: s.catalogueService.slug,
        leikaKey: s.catalogueService.leikaKey,
      })),
      persons: b.persons,
    },
  };
  await enqueueWebhookEvent(tx, event, endpoints, { officeId, bookingId: booking.id });
  return event.id;
}

export interface WebhookEndpointRow {
  id: string;
  label: string;
  events: string;
}

/**
 * The office's active endpoints. A booking reads them before its day locks: an endpoint added while the booking
 * waits for the lock receives events from the next change on.
 */
export async function webhookEndpointsOf(db: Db | Tx, officeId: string): Promise<WebhookEndpointRow[]> {
  return db.webhookEndpoint.findMany({ where: { officeId, active: true }, select: { id: true, label: true, events: true } });
}

const STATUS_EVENTS: Record<string, BookingEventType> = {
  CONFIRMED: "booking.confirmed",
  ARRIVED: "booking.arrived",
  SERVED: "booking.served",
  NO_SHOW: "booking.no_show",
  CANCELLED: "booking.cancelled",
};

/**
 * The event for a booking that now has `status` (a recorded arrival, an undone no-show back to CONFIRMED, ...):
 * there is no "undo" event, so receivers learn the status the booking has again. Null for HELD.
 */
export function eventForStatus(status: string): BookingEventType | null {
  return STATUS_EVENTS[status] ?? null;
}

/** The test event of the webhooks page, for one endpoint, delivered like any other. */
export async function emitTestEvent(
  tx: Tx,
  endpoint: { id: string; label: string; officeId: string; office: { slug: string } },
  now: Date,
): Promise<string> {
  const event: StoredWebhookEvent = { id: randomUUID(), type: TEST_EVENT, occurredAt: now.toISOString(), office: { slug: endpoint.office.slug } };
  await enqueueWebhookEvent(tx, event, [endpoint], { officeId: endpoint.officeId, bookingId: null });
  return event.id;
}

/**
 * One outbox row per endpoint. The unique index on (endpoint, event id) refuses a second row of the same event for
 * the same endpoint, whoever writes it. The recipient column shows the endpoint's label on the outbox page.
 */
export async function enqueueWebhookEvent(
  tx: Tx,
  event: StoredWebhookEvent,
  endpoints: ReadonlyArray<{ id: string; label: string }>,
  refs: { officeId: string; bookingId: string | null },
): Promise<void> {
  const payload = JSON.stringify(event);
  await tx.outboxMessage.createMany({
    data: endpoints.map((endpoint) => ({
      channel: "WEBHOOK" as const,
      webhookEndpointId: endpoint.id,
      eventId: event.id,
      officeId: refs.officeId,
      bookingId: refs.bookingId,
      template: event.type,
      recipient: endpoint.label,
      subject: event.booking ? `${event.type} ${event.booking.reference}` : event.type,
      payload,
      status: "PENDING" as const,
      // The real clock, not the change's `now`: a change recorded for another time is still delivered at once.
      nextAttemptAt: new Date(),
    })),
  });
}
