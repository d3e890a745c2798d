import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { APPOINTMENT_KINDS } from "@/lib/domain";
import type { personalDataSchema } from "@/lib/schemas/booking";
import { env } from "@/lib/server/env";

// The wizard's state lives in one encrypted, httpOnly cookie: Back and reload keep the entered data, no server
// instance holds it, and nothing is stored for citizens who abandon the booking.

const COOKIE = "tv_wizard";
const MAX_AGE_SECONDS = 2 * 60 * 60;

/** What the personal-data step stores: its form's output, with the person's data and the booking's persons. */
type EnteredPerson = z.output<ReturnType<typeof personalDataSchema>>;

// The cookie is sealed by the server, so its content was validated when it was written; its schema only checks the
// stored shape (a cookie of an older version is dropped), field by field as the form's schema gives it.
const enteredPersonShape = {
  givenName: z.string().optional(),
  familyName: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  dateOfBirth: z.string(),
  persons: z.number(),
  remark: z.string().optional(),
  privacyConsent: z.literal(true),
  permitExpiresOn: z.string().optional(),
  kind: z.enum(APPOINTMENT_KINDS).optional(),
} satisfies { [F in keyof EnteredPerson]-?: z.ZodType<EnteredPerson[F]> };

const stateSchema = z.object({
  office: z.string(),
  service: z.string(),
  /** Slugs of further services of the same office in the same appointment. */
  further: z.array(z.string()).optional(),
  person: z.object(enteredPersonShape).optional(),
  slot: z.string().optional(),
  /** A slot chosen before the personal data ("earliest at any location"): the persons it was chosen for. */
  slotPersons: z.number().optional(),
  /** ... and the kind it was chosen for (absent in older cookies: in person). */
  slotKind: z.enum(APPOINTMENT_KINDS).optional(),
  /** The catalogue slug of the "any location" calendar the slot was chosen in, for the way back to it. */
  anyLocation: z.string().optional(),
  done: z.object({ bookingId: z.string(), token: z.string() }).optional(),
});

export type WizardState = z.infer<typeof stateSchema>;

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "terminvergabe", "wizard-state-v1", 32));
}

export function sealState(state: WizardState): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(state), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function unsealState(sealed: string): WizardState | null {
  try {
    const raw = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const parsed = stateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The state for this office and service, or null (a different wizard's state is not reused). */
export async function readWizardState(office: string, service?: string): Promise<WizardState | null> {
  const sealed = (await cookies()).get(COOKIE)?.value;
  const state = sealed ? unsealState(sealed) : null;
  if (!state || state.office !== office || (service && state.service !== service)) return null;
  return state;
}

/** Personal data entered for another service of the same office is offered again. */
export async function readPersonForOffice(office: string): Promise<WizardState["person"] | undefined> {
  const sealed = (await cookies()).get(COOKIE)?.value;
  const state = sealed ? unsealState(sealed) : null;
  return state && state.office === office ? state.person : undefined;
}

/**
 * Where the cookie is sent. Embedded in another site's page (FRAME_ANCESTORS names origins), the wizard may run in a
 * third-party frame, where a SameSite=Lax cookie is never sent: there it is SameSite=None (which requires Secure)
 * and partitioned by the embedding site (CHIPS), so browsers that block third-party cookies keep it too, and it is
 * never shared between two embedding sites. Server actions stay protected by their Origin check.
 */
export function wizardCookieScope(settings: { APP_URL: string; FRAME_ANCESTORS: readonly string[] }) {
  const framedElsewhere = settings.FRAME_ANCESTORS.some((source) => /^https?:\/\//.test(source));
  return framedElsewhere
    ? ({ sameSite: "none", secure: true, partitioned: true } as const)
    : ({ sameSite: "lax", secure: settings.APP_URL.startsWith("https://") } as const);
}

export async function writeWizardState(state: WizardState): Promise<void> {
  (await cookies()).set(COOKIE, sealState(state), {
    httpOnly: true,
    ...wizardCookieScope(env()),
    path: "/",
    maxAge: MAX_AGE_SECONDS,
  });
}
