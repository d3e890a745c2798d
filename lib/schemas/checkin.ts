import { z } from "zod";
import { normalizeReferenceCode } from "@/lib/domain/booking-code";

// The kiosk's check-in form: either the QR code's content (scanned) or the reference code (typed). Messages are
// keys of the `checkin.fields` messages.

/** What a scanner may hand over: the code itself, never a page of text. */
const scanned = z.string().trim().min(1, "required").max(200, "invalid");

export const kioskCheckInSchema = z.union([
  z.object({ token: scanned }),
  z.object({
    code: z
      .string()
      .trim()
      .min(1, "required")
      .max(40, "invalid")
      .refine((v) => normalizeReferenceCode(v) !== null, "invalid"),
  }),
]);

export type KioskCheckInInput = z.infer<typeof kioskCheckInSchema>;

/** The posted form as the schema's input: a scan posts `token`, the typed form posts `code`. */
export function kioskCheckInFromForm(form: FormData): Record<string, unknown> {
  const token = form.get("token");
  return typeof token === "string" && token !== "" ? { token } : { code: form.get("code") ?? "" };
}

/** What the kiosk's check-in answers when it does not lead to the ticket: a code of `checkin.errors`, or field keys. */
export interface KioskCheckInState {
  error?: string;
  /** For CHECKIN_TOO_EARLY: from when (ISO instant) the citizen may check in. */
  opensAt?: string;
  fieldErrors?: Record<string, string[]>;
  /** Changes with every answer, so the same refusal twice is announced again. */
  at?: number;
}

/**
 * The manage link from the confirmation e-mail, pasted on the phone check-in page: the token from a whole link
 * (".../termin/<token>", any host, any language prefix) or the token alone; null when there is none.
 */
export function manageTokenFromLink(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 500) return null;
  const match = /(?:^|\/termin\/)([A-Za-z0-9_-]{43})(?:[/?#]|$)/.exec(input.trim());
  return match ? match[1] : null;
}

/** A walk-in button on the kiosk: the service it draws a ticket for. */
export const kioskWalkInSchema = z.object({ serviceId: z.string().regex(/^[a-z0-9]{10,40}$/, "invalid") });

/** What a waiting ticket shows, on the kiosk's screen, the printed slip and the citizen's phone: never a name. */
export interface TicketView {
  label: string;
  kind: "APPOINTMENT" | "WALK_IN";
  serviceName: string;
  serviceNameLocale: string;
  dueAt: Date | null;
  arrivedAt: Date;
  waitingArea: string | null;
  timeZone: string;
  /** Expected minutes until the call; null when no estimate is available (then nothing is shown). */
  waitMinutes: number | null;
}
