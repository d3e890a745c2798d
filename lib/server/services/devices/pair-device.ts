import "server-only";
import { pairingCodeSchema } from "@/lib/schemas/devices";
import { writeAudit } from "@/lib/server/audit";
import type { Db } from "@/lib/server/db/client";
import { AppError, fieldError } from "@/lib/server/errors";
import { consumePoint, tableLimiter } from "@/lib/server/security/rate-limit";
import { createManageToken, hashToken } from "@/lib/server/security/tokens";
import type { DeviceKindName } from "./device-credential";
import { DEVICE_AUDIT } from "./pairing";

/** Pairing attempts per client (hashed address) per window: typing errors, not guessing. */
const ATTEMPTS = 10;
const WINDOW_SECONDS = 15 * 60;

export interface PairInput {
  code: string;
  /** A pseudonym of the client's address for the rate limit (hashClientAddress). */
  clientKey: string;
}

/**
 * Pairs the device whose one-time code was typed: a new random credential (256 bits, stored hashed) replaces any
 * earlier one, and the code is used up. The update is conditional on the code, so of two devices typing the same
 * code at once only one is paired. The caller puts the credential into the device's cookie.
 */
export async function pairDevice(db: Db, input: PairInput, now: Date) {
  const { code } = pairingCodeSchema.parse({ code: input.code });
  if ((await consumePoint(tableLimiter(db, "device-pairing", ATTEMPTS, WINDOW_SECONDS), input.clientKey)) !== null) {
    throw new AppError("RATE_LIMITED");
  }
  const hash = hashToken(code);
  const device = await db.device.findUnique({ where: { pairingCodeHash: hash }, include: { office: { select: { slug: true } } } });
  if (!device || device.revokedAt) throw fieldError("code", "pairingCodeInvalid");
  if (!device.pairingExpiresAt || device.pairingExpiresAt <= now) throw fieldError("code", "pairingCodeExpired");
  const credential = createManageToken();
  await db.$transaction(async (tx) => {
    const { count } = await tx.device.updateMany({
      where: { id: device.id, pairingCodeHash: hash, revokedAt: null },
      data: { credentialHash: credential.hash, pairingCodeHash: null, pairingExpiresAt: null, pairedAt: now, lastSeenAt: now },
    });
    if (count === 0) throw fieldError("code", "pairingCodeInvalid");
    await writeAudit(tx, { actorId: null, officeId: device.officeId, action: DEVICE_AUDIT.pair, details: { deviceId: device.id } });
  });
  return { credential: credential.token, kind: device.kind as DeviceKindName, officeSlug: device.office.slug, name: device.name };
}
