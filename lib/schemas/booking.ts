import "./zod-config";
import { z } from "zod";
import { dateFromParts } from "./date-parts";

export { dateFromParts };

// Shared by the wizard's forms, the server actions and the JSON API. Messages are translation keys of the
// "validation" namespace, so each client shows them in the citizen's language.

const name = z
  .string({ error: "required" })
  .trim()
  .min(1, "required")
  .max(100, "tooLong")
  // Letters of every script with the marks, spaces, apostrophes, hyphens and dots names use; no digits, markup,
  // statement punctuation, emoji, control or bidirectional-override characters.
  // Zero-width (non-)joiners and the directional marks LRM/RLM occur in Persian and Arabic names; embedding,
  // override and isolate controls do not and can disguise text.
  .regex(/^[\p{L}\p{M}\u200e\u200f][\p{L}\p{M} '\u2019.,\u200c\u200d\u200e\u200f-]*$/u, "invalidName");

export const localDateSchema = z
  .string({ error: "invalidDate" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "invalidDate");

/** Date of birth: a real past date, not more than 130 years ago. `today` is the office's local date. */
export function dateOfBirthSchema(today: string) {
  return localDateSchema
    .refine((s) => s <= today, "dateOfBirthFuture")
    .refine((s) => Number(s.slice(0, 4)) >= Number(today.slice(0, 4)) - 130, "dateOfBirthTooOld");
}

export function personalDataSchema(opts: { maxPersons: number; today: string }) {
  return z.object({
    // Many people (e.g. from Afghanistan or Indonesia) have no given name: only the family name is required.
    givenName: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), name.optional()),
    familyName: name,
    email: z
      .string({ error: "required" })
      .trim()
      .min(1, "required")
      .max(254, "tooLong")
      .pipe(z.email({ error: "invalidEmail" })),
    phone: z
      .string()
      .trim()
      .max(40, "tooLong")
      .regex(/^$|^\+?[0-9 ()/-]{5,}$/, "invalidPhone")
      .refine((v) => v === "" || (v.match(/[0-9]/g)?.length ?? 0) >= 5, "invalidPhone")
      .optional()
      .transform((v) => (v ? v : undefined)),
    dateOfBirth: dateOfBirthSchema(opts.today),
    persons: z.coerce
      .number({ error: "invalidPersons" })
      .int("invalidPersons")
      .min(1, "invalidPersons")
      .max(opts.maxPersons, "tooManyPersons"),
    remark: z
      .string()
      .trim()
      .max(500, "tooLong")
      // Line breaks are fine in a remark; other control characters (e.g. NUL, which PostgreSQL rejects) are not.
      .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, "invalid")
      .optional()
      .transform((v) => (v ? v : undefined)),
    privacyConsent: z.literal(true, { error: "consentRequired" }),
  });
}

export type PersonalData = z.output<ReturnType<typeof personalDataSchema>>;
export type PersonalDataInput = z.input<ReturnType<typeof personalDataSchema>>;

export const slotChoiceSchema = z.object({
  start: z.iso.datetime({ error: "invalidSlot" }),
});

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** Manage tokens are 32 random bytes in base64url. */
export const manageTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Reads the personal-data form as posted (with or without JavaScript) into the schema's input shape. */
export function personalDataFromForm(form: FormData): Record<string, unknown> {
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v : undefined;
  };
  return {
    givenName: text("givenName"),
    familyName: text("familyName"),
    email: text("email"),
    phone: text("phone"),
    dateOfBirth: text("dateOfBirth") ?? dateFromParts(text("dobDay"), text("dobMonth"), text("dobYear")),
    persons: text("persons") ?? "1",
    remark: text("remark"),
    privacyConsent: ["on", "true"].includes(text("privacyConsent") ?? ""),
  };
}

