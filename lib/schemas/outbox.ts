import "./zod-config";
import { z } from "zod";
import { bookingIdSchema } from "./staff-booking";

// The office admins' outbox view: the one form it has ("erneut senden").

/** Outbox ids are cuids like booking ids. */
export const resendSchema = z.object({ messageId: bookingIdSchema });

export const OUTBOX_STATUSES = ["PENDING", "SENDING", "FAILED", "SENT"] as const;
export type OutboxStatusName = (typeof OUTBOX_STATUSES)[number];
