import "server-only";
import { randomInt } from "node:crypto";
import { PAIRING_ALPHABET, PAIRING_CODE_LENGTH } from "@/lib/schemas/devices";
import { hashToken } from "@/lib/server/security/tokens";

// One-time pairing codes: shown once to the office admin, typed on the device within PAIRING_MINUTES, stored hashed.

export const PAIRING_MINUTES = 15;

/** The audit log's names for device changes. */
export const DEVICE_AUDIT = {
  create: "device.create",
  pairingCode: "device.pairing-code",
  pair: "device.pair",
  revoke: "device.revoke",
} as const;

/** A fresh code with its hash and end of validity. */
export function newPairingCode(now: Date): { code: string; hash: string; expiresAt: Date } {
  let code = "";
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return { code, hash: hashToken(code), expiresAt: new Date(now.getTime() + PAIRING_MINUTES * 60_000) };
}
