import "./zod-config";
import { z } from "zod";
import { bookingIdSchema } from "./staff-booking";

// The staff waiting-list page: removing a wish. Messages are translation keys of "staffWaitlist.validation", then
// of the shared "validation" namespace.

/** Wish ids are cuids like booking ids: anything else cannot name a wish and is refused before the database. */
export const wishIdSchema = bookingIdSchema;

/**
 * Why staff remove a wish: a fixed choice, so that the audit log records the reason without any free text that
 * could carry personal data.
 */
export const REMOVAL_REASONS = ["CITIZEN_REQUEST", "DUPLICATE", "SETTLED", "MISUSE"] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export const removeWishSchema = z.object({
  wishId: wishIdSchema,
  reason: z.enum(REMOVAL_REASONS, { error: "reasonRequired" }),
});

export type RemoveWishInput = z.output<typeof removeWishSchema>;
