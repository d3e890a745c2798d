import "./zod-config";
import { z } from "zod";
import { bookingIdSchema } from "./staff-booking";

// Webhooks for the city's case-management systems: the events an endpoint can subscribe to and the form of an
// endpoint on the office's webhooks page. Messages are translation keys, looked up in "webhooks.validation" first,
// then in the shared "validation" namespace.

/** What happens to a booking, as delivered to the endpoints. */
export const BOOKING_EVENTS = [
  "booking.created",
  "booking.confirmed",
  "booking.cancelled",
  "booking.moved",
  "booking.arrived",
  "booking.served",
  "booking.no_show",
] as const;
export type BookingEventType = (typeof BOOKING_EVENTS)[number];

/** Sent only on request from the webhooks page, so that a receiver can be checked before bookings depend on it. */
export const TEST_EVENT = "webhook.test";
export type WebhookEventType = BookingEventType | typeof TEST_EVENT;

export const WEBHOOK_LABEL_MAX = 80;
export const WEBHOOK_URL_MAX = 2000;

/** The stored list of subscribed events ("" = all) as a set; unknown names are ignored. */
export function subscribedEvents(stored: string): ReadonlySet<BookingEventType> {
  const names = stored.split(",").map((s) => s.trim());
  const known = BOOKING_EVENTS.filter((e) => names.includes(e));
  return new Set(known.length === 0 ? BOOKING_EVENTS : known);
}

/** Whether an endpoint with this stored list wants `type`; the test event goes to the one endpoint it is sent to. */
export function subscribes(stored: string, type: BookingEventType): boolean {
  return subscribedEvents(stored).has(type);
}

/** The list to store: "" when every event is chosen, so that events added later reach the endpoint too. */
export function storedEvents(events: readonly BookingEventType[]): string {
  const chosen = BOOKING_EVENTS.filter((e) => events.includes(e));
  return chosen.length === BOOKING_EVENTS.length ? "" : chosen.join(",");
}

/** An http(s) address without user name or password (the signature is the authentication). */
export const webhookUrlSchema = z
  .string({ error: "urlRequired" })
  .trim()
  .min(1, { error: "urlRequired", abort: true })
  .max(WEBHOOK_URL_MAX, "urlTooLong")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "urlInvalid");

export const webhookEndpointSchema = z.object({
  label: z
    .string({ error: "labelRequired" })
    .trim()
    .min(1, "labelRequired")
    .max(WEBHOOK_LABEL_MAX, "labelTooLong")
    .regex(/^[^\p{Cc}]*$/u, "invalid"),
  url: webhookUrlSchema,
  events: z.array(z.enum(BOOKING_EVENTS, { error: "invalid" }), { error: "eventsRequired" }).min(1, "eventsRequired"),
  includePersonalData: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type WebhookEndpointInput = z.input<typeof webhookEndpointSchema>;

/** Endpoint ids are cuids like booking ids. */
export const webhookIdSchema = bookingIdSchema;

export const updateWebhookSchema = webhookEndpointSchema.extend({ endpointId: webhookIdSchema });
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;
