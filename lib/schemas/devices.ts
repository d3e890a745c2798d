import "./zod-config";
import { z } from "zod";
import { bookingIdSchema } from "./staff-booking";

// The devices page of an office (kiosks and call-up displays) and the public pairing page. Messages are
// translation keys: the staff forms look them up in "devices.validation", the pairing page in "display.validation",
// then in the shared "validation" namespace.

export const DEVICE_KINDS = ["KIOSK", "DISPLAY"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_NAME_MAX = 60;

/** Ids of devices and counters are cuids, like booking ids. */
export const deviceIdSchema = bookingIdSchema;

export const createDeviceSchema = z.object({
  kind: z.enum(DEVICE_KINDS, { error: "kindRequired" }),
  name: z
    .string({ error: "nameRequired" })
    .trim()
    .min(1, "nameRequired")
    .max(DEVICE_NAME_MAX, "nameTooLong")
    .regex(/^[^\p{Cc}]*$/u, "invalid"),
  /** Displays only: the counters shown (none: all). Ignored for kiosks. */
  counterIds: z.array(bookingIdSchema, { error: "invalid" }).max(50, "invalid").default([]),
});
export type CreateDeviceInput = z.input<typeof createDeviceSchema>;

/**
 * The letters of a pairing code: no 0/O, 1/I/L, so that a code read off a screen is typed right. 31 signs, 8 of
 * them: about 40 bits, valid 15 minutes, attempts rate-limited.
 */
export const PAIRING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const PAIRING_CODE_LENGTH = 8;

/** What a person typed, as the code is stored: capitals, no spaces or dashes. */
export function normalizePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, "");
}

/** "ABCD-EFGH": easier to read out and type. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const pairingCodeSchema = z.object({
  code: z
    .string({ error: "pairingCodeRequired" })
    .transform(normalizePairingCode)
    .pipe(
      z
        .string()
        .min(1, { error: "pairingCodeRequired", abort: true })
        .length(PAIRING_CODE_LENGTH, "pairingCodeInvalid")
        .regex(new RegExp(`^[${PAIRING_ALPHABET}]+$`), "pairingCodeInvalid"),
    ),
});
