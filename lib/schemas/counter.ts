import "./zod-config";
import { z } from "zod";
import { recordIdSchema } from "./office";

// The counter screen's buttons and the counters' administration. Messages are translation keys: first looked up in
// "counter.validation", then in the shared "validation" namespace.

export const ticketIdSchema = recordIdSchema;
export const counterIdSchema = recordIdSchema;

/** Aufrufen: the next ticket for this counter. */
export const callNextSchema = z.object({ counterId: counterIdSchema });

/** Erneut aufrufen, Zurückstellen: a ticket called at this counter. */
export const counterTicketSchema = z.object({ counterId: counterIdSchema, ticketId: ticketIdSchema });

export const TICKET_OUTCOMES = ["SERVED", "NO_SHOW"] as const;
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];

/** Erledigt / Nicht erschienen. */
export const finishTicketSchema = counterTicketSchema.extend({ outcome: z.enum(TICKET_OUTCOMES, { error: "invalid" }) });

/** Take a parked ticket back into the waiting line. */
export const takeBackSchema = z.object({ ticketId: ticketIdSchema });

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), recordIdSchema.optional());

/** Weiterleiten: to another service, another counter, or both; at least one. */
export const forwardTicketSchema = counterTicketSchema
  .extend({ serviceId: optionalId, targetCounterId: optionalId })
  .refine((v) => v.serviceId !== undefined || v.targetCounterId !== undefined, { error: "forwardTarget", path: ["serviceId"] });

export const COUNTER_NAME_MAX = 40;

/** "Platz 1": shown on the call-up display and read out, so short and without control characters. */
export const counterNameSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(COUNTER_NAME_MAX, "tooLong")
  .regex(/^[^\p{Cc}]*$/u, "invalid");

const serviceIdsSchema = z.array(recordIdSchema, { error: "invalid" }).max(200, "invalid");

export const createCounterSchema = z.object({ officeId: recordIdSchema, name: counterNameSchema, serviceIds: serviceIdsSchema });
export const updateCounterSchema = z.object({ counterId: counterIdSchema, name: counterNameSchema, serviceIds: serviceIdsSchema });
export const setCounterActiveSchema = z.object({ counterId: counterIdSchema, active: z.enum(["true", "false"]).transform((v) => v === "true") });
