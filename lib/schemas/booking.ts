import "./zod-config";
import { z } from "zod";
import type { AppointmentKind } from "@/lib/domain/demand";
import {
  DATE_OF_BIRTH_PROBLEMS,
  type DateOfBirthProblem,
  PERMIT_EXPIRY_PROBLEMS,
  type PermitExpiryProblem,
  dateFromParts,
  dateOfBirthProblem,
  permitExpiryProblem,
} from "./date-parts";

export { dateFromParts };

// Shared by the wizard's forms, the server actions and the JSON API. Messages are translation keys of the
// "validation" namespace, so each client shows them in the citizen's language.

/** A type error for a field: "required" when it is absent, else "invalid" (e.g. a number where text belongs). */
function missingOr(required: string, invalid: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? required : invalid);
}

/**
 * Every message the personal-data schema can give, per field and per problem, as GOV.UK words them ("Geben Sie
 * Ihren Familiennamen ein", "Den 31. Februar gibt es nicht"): keys of the "validation" namespace. Each names its
 * field, so the error summary says which field is wrong without another label.
 */
export const PERSONAL_DATA_MESSAGES = {
  givenName: { tooLong: "givenNameTooLong", invalid: "givenNameInvalid" },
  familyName: { required: "familyNameRequired", tooLong: "familyNameTooLong", invalid: "familyNameInvalid" },
  email: { required: "emailRequired", tooLong: "emailTooLong", invalid: "invalidEmail" },
  phone: { tooLong: "phoneTooLong", invalid: "invalidPhone", requiredForCall: "phoneRequiredForCall" },
  kind: { required: "kindRequired" },
  dateOfBirth: Object.fromEntries(DATE_OF_BIRTH_PROBLEMS.map((key) => [key, key])) as Record<DateOfBirthProblem, DateOfBirthProblem>,
  persons: { invalid: "invalidPersons", tooMany: "tooManyPersons" },
  remark: { tooLong: "remarkTooLong", invalid: "remarkInvalid" },
  privacyConsent: { required: "consentRequired" },
  permitExpiresOn: Object.fromEntries(PERMIT_EXPIRY_PROBLEMS.map((key) => [key, key])) as Record<PermitExpiryProblem, PermitExpiryProblem>,
} as const;

type Messages = typeof PERSONAL_DATA_MESSAGES;
export type PersonalDataMessage = { [F in keyof Messages]: Messages[F][keyof Messages[F]] }[keyof Messages];

function nameSchema(m: { required?: string; tooLong: string; invalid: string }) {
  return (
    z
      .string({ error: missingOr(m.required ?? m.invalid, m.invalid) })
      .trim()
      // An empty name is missing, not also made of the wrong characters: the pattern lets it pass. (No `abort`: it
      // would keep the form's own checks, such as the phone for a phone appointment, from being reported with it.)
      .min(1, m.required ?? m.invalid)
      .max(100, m.tooLong)
      // Letters of every script with the marks, spaces, apostrophes, hyphens and dots names use; no digits, markup,
      // statement punctuation, emoji, control or bidirectional-override characters.
      // Zero-width (non-)joiners and the directional marks LRM/RLM occur in Persian and Arabic names; embedding,
      // override and isolate controls do not and can disguise text.
      .regex(/^(?:[\p{L}\p{M}\u200e\u200f][\p{L}\p{M} '\u2019.,\u200c\u200d\u200e\u200f-]*)?$/u, m.invalid)
  );
}

export const localDateSchema = z
  .string({ error: "invalidDate" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "invalidDate")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "invalidDate");

/**
 * Date of birth: a real past date, not more than 130 years ago, with one message per problem and part (day,
 * month or year). `today` is the office's local date.
 */
export function dateOfBirthSchema(today: string) {
  return z
    .string({ error: missingOr("dateOfBirthRequired", "dateOfBirthInvalid") })
    .superRefine((value, ctx) => {
      const problem = dateOfBirthProblem(value, today);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/**
 * The residence permit's expiry, asked (optionally) by services with `asksPermitExpiry`: a real date not more than
 * PERMIT_EXPIRY_YEARS from `today`; empty is "not given". Whether it makes the case urgent is the domain's `isUrgent`.
 */
export function permitExpirySchema(today: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ error: "permitExpiryInvalid" })
      .superRefine((value, ctx) => {
        const problem = permitExpiryProblem(value, today);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional(),
  );
}

/**
 * The personal-data step. `kinds`: how the appointment can take place (see the domain's `offeredKinds`); with
 * several the citizen chooses one here, and for a phone appointment the phone number is required (the office calls).
 */
export function personalDataSchema(opts: { maxPersons: number; today: string; kinds?: readonly AppointmentKind[] }) {
  const m = PERSONAL_DATA_MESSAGES;
  const kinds = opts.kinds ?? [];
  return z.object({
    kind:
      kinds.length > 1
        ? z.enum(kinds as [AppointmentKind, ...AppointmentKind[]], { error: m.kind.required })
        : // Nothing to choose: the only kind offered is the appointment's (see `effectiveKind` below).
          z.unknown().transform((): AppointmentKind | undefined => undefined),
    // Many people (e.g. from Afghanistan or Indonesia) have no given name: only the family name is required.
    givenName: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), nameSchema(m.givenName).optional()),
    familyName: nameSchema(m.familyName),
    email: z
      .string({ error: missingOr(m.email.required, m.email.invalid) })
      .trim()
      .min(1, m.email.required)
      .max(254, m.email.tooLong)
      .pipe(z.email({ error: m.email.invalid })),
    phone: z
      .string({ error: m.phone.invalid })
      .trim()
      .max(40, m.phone.tooLong)
      .regex(/^$|^\+?[0-9 ()/-]{5,}$/, m.phone.invalid)
      .refine((v) => v === "" || (v.match(/[0-9]/g)?.length ?? 0) >= 5, m.phone.invalid)
      .optional()
      .transform((v) => (v ? v : undefined)),
    dateOfBirth: dateOfBirthSchema(opts.today),
    persons: z.coerce
      .number({ error: m.persons.invalid })
      .int(m.persons.invalid)
      .min(1, m.persons.invalid)
      .max(opts.maxPersons, m.persons.tooMany),
    remark: z
      .string({ error: m.remark.invalid })
      .trim()
      .max(500, m.remark.tooLong)
      // Line breaks are fine in a remark; other control characters (e.g. NUL, which PostgreSQL rejects) are not.
      .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, m.remark.invalid)
      .optional()
      .transform((v) => (v ? v : undefined)),
    privacyConsent: z.literal(true, { error: m.privacyConsent.required }),
    permitExpiresOn: permitExpirySchema(opts.today),
  }).superRefine(
    (v, ctx) => {
      const phone: unknown = v.phone;
      const effectiveKind = v.kind ?? (kinds.length === 1 ? kinds[0] : undefined);
      if (effectiveKind === "PHONE" && !(typeof phone === "string" && phone.trim())) {
        ctx.addIssue({ code: "custom", path: ["phone"], message: m.phone.requiredForCall });
      }
    },
    // Said together with every other problem of the form, not only once the rest is right.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
}

type PersonFields = Omit<z.output<ReturnType<typeof personalDataSchema>>, "persons" | "privacyConsent" | "kind">;
type EmptyFields = { [F in keyof PersonFields]-?: undefined extends PersonFields[F] ? F : never }[keyof PersonFields];

/**
 * The person's own data as the form gives it, for every way of booking; a field the form leaves empty may also be
 * left out. The number of persons and the consent belong to the booking, not to the person.
 */
export type PersonalData = Omit<PersonFields, EmptyFields> & Partial<Pick<PersonFields, EmptyFields>>;

export const slotChoiceSchema = z.object({
  start: z.iso.datetime({ error: "invalidSlot" }),
});

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/**
 * The field that the confirmation pages of the manage link post: cancelling, moving and erasing happen only with
 * it, so that no other form (a first step, a page from before an update) can do them at once.
 */
export const CONFIRMATION_FIELD = "bestaetigt";

export function isConfirmed(form: unknown): boolean {
  return form instanceof FormData && form.get(CONFIRMATION_FIELD) === "ja";
}

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
    kind: text("kind"),
    remark: text("remark"),
    privacyConsent: ["on", "true"].includes(text("privacyConsent") ?? ""),
    permitExpiresOn: text("permitExpiresOn") ?? dateFromParts(text("permitDay"), text("permitMonth"), text("permitYear")),
  };
}

