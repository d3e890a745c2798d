import "./zod-config";
import { z } from "zod";
import { bookingIdSchema } from "./staff-booking";

// The staff's private calendar feeds (ICS subscriptions) of an office. Messages are translation keys, looked up in
// "feeds.validation" first, then in the shared "validation" namespace.

export const FEED_LABEL_MAX = 60;

export const createFeedSchema = z.object({
  label: z
    .string({ error: "labelRequired" })
    .trim()
    .min(1, "labelRequired")
    .max(FEED_LABEL_MAX, "labelTooLong")
    .regex(/^[^\p{Cc}]*$/u, "invalid"),
});
export type CreateFeedInput = z.input<typeof createFeedSchema>;

/** Feed ids are cuids like booking ids. */
export const feedIdSchema = bookingIdSchema;

/** The last part of a feed's address, "<token>.ics": 32 random bytes in base64url are 43 characters. */
export const FEED_FILE_PATTERN = /^[A-Za-z0-9_-]{43}\.ics$/;
export const feedFileSchema = z
  .string()
  .regex(FEED_FILE_PATTERN)
  .transform((file) => file.slice(0, -".ics".length));
