import "./zod-config";
import { z } from "zod";

// The signed statement of an extension receipt: exactly what the receipt says, nothing else. It is serialised as
// canonical JSON (keys in this order), signed by the server with Ed25519, and travels in the QR code's verification
// link, so that the public verification page can show it without looking anything up.

const text = z.string().max(300);

export const receiptStatementSchema = z
  .object({
    /** Format version. */
    v: z.literal(1),
    /** The receipt's number. */
    number: z.string().regex(/^[A-Z0-9-]{4,40}$/),
    /** The office's name and authority. */
    office: text,
    authority: text,
    /** The service (German name). */
    service: text,
    /** When the request was filed (UTC, ISO 8601). */
    filedAt: z.iso.datetime(),
    /** The office's time zone, for showing filedAt as the office's local time. */
    timeZone: z.string().max(60),
    givenName: text.nullable(),
    familyName: text,
    dateOfBirth: z.string().max(10).nullable(),
    permitExpiresOn: z.string().max(10).nullable(),
    /** What the office configured the receipt to say (office.extensionReceiptNote), or null. */
    note: z.string().max(1000).nullable(),
    /** The signing key's id (a hash of its public key). */
    keyId: z.string().max(40),
  })
  .strict();

export type ReceiptStatement = z.output<typeof receiptStatementSchema>;

const KEYS = Object.keys(receiptStatementSchema.shape) as (keyof ReceiptStatement)[];

/** The statement's one serialisation: its keys in the schema's order, so signer and verifier hash the same bytes. */
export function canonicalStatement(statement: ReceiptStatement): string {
  return JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, statement[k]])));
}

/** The check code of the verification link, as it may be typed or pasted: base64url, a dot, base64url. */
export const receiptCodeSchema = z
  .string()
  .trim()
  .max(4000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
