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

/** Laufkundschaft: a walk-in ticket drawn at the counter. */
export const counterWalkInSchema = z.object({
  counterId: counterIdSchema,
  serviceId: recordIdSchema,
  urgent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

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

// What the counter screen shows (lib/server/services/queue/list-queue.ts): numbers, services and times; the current
// appointment's name as in the agenda.

export interface QueueRow {
  id: string;
  label: string;
  kind: "APPOINTMENT" | "WALK_IN";
  status: "WAITING" | "CALLED" | "PARKED";
  serviceId: string;
  serviceName: string;
  urgent: boolean;
  dueAt: Date | null;
  arrivedAt: Date;
  calledAt: Date | null;
  callCount: number;
  counterName: string | null;
  /** The counter a forward or a take-back sent it to. */
  forwardedToName: string | null;
  /** Whether the chosen counter may call it (its service, a forward's target). */
  forThisCounter: boolean;
}

/** The ticket being served at the chosen counter: with its appointment, which the agenda shows the clerk as well. */
export interface CurrentTicket extends QueueRow {
  booking: { id: string; referenceCode: string; name: string | null; persons: number } | null;
}

export interface CounterOption {
  id: string;
  name: string;
  serviceNames: string[];
}

export interface QueueView {
  office: { id: string; slug: string; name: string; authority: string; timeZone: string; callToleranceMinutes: number };
  date: string;
  counters: CounterOption[];
  services: { id: string; name: string }[];
  /** Active services that take walk-ins on some part of the day (the walk-in rules decide whether now). */
  walkInServices: { id: string; name: string }[];
  /** The chosen counter, if the id named an active counter of this office. */
  counter: CounterOption | null;
  current: CurrentTicket | null;
  /** Waiting tickets: those the chosen counter would call, in the rule's order, then the others. */
  waiting: QueueRow[];
  parked: QueueRow[];
  /** Called at other counters right now. */
  calledElsewhere: QueueRow[];
  finished: { served: number; noShow: number };
}
