import { z } from "zod";
import { APPOINTMENT_KINDS } from "@/lib/domain/demand";
import { slotChoiceSchema, slugSchema } from "./booking";
import { SERVICE_LIMITS } from "./office";

// The "earliest at any location" calendar: how many persons it lists times for, and the time a citizen takes there.

/** `?personen=` of the calendar: a whole number of persons; anything else is one person. */
export const anyLocationPersonsSchema = z.coerce
  .number()
  .int()
  .min(SERVICE_LIMITS.maxPersons[0])
  .max(SERVICE_LIMITS.maxPersons[1])
  .catch(1);

/** `?weitere=` of the calendar: further catalogue entries (slugs) in the same appointment; anything else is dropped. */
export const anyLocationFurtherSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set([v ?? []].flat().filter((slug) => slugSchema.safeParse(slug).success))].slice(0, 10));

/** `?art=` of the calendar: how the appointment takes place; anything else is no choice. */
export const anyLocationKindSchema = z.enum(APPOINTMENT_KINDS).optional().catch(undefined);

/**
 * A time taken in that calendar: the office it belongs to, the persons, further catalogue entries and kind it was
 * listed for, and its start.
 */
export const anyLocationChoiceSchema = slotChoiceSchema.extend({
  office: slugSchema,
  persons: z.coerce.number().int().min(SERVICE_LIMITS.maxPersons[0]).max(SERVICE_LIMITS.maxPersons[1]),
  further: z.array(slugSchema).max(10),
  /** Absent (a page from before kinds were asked): in person. */
  kind: z.enum(APPOINTMENT_KINDS).default("IN_PERSON"),
});
