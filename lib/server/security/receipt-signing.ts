import "server-only";
import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from "node:crypto";
import { canonicalStatement, receiptCodeSchema, receiptStatementSchema, type ReceiptStatement } from "@/lib/schemas/receipt";
import { ED25519_PKCS8_PREFIX, ed25519KeyDer, env } from "@/lib/server/env";

// Extension receipts are signed with Ed25519 (node:crypto). The check code in the QR code's link is the signed
// statement and its signature, both base64url: anyone with the code can have it verified, and the verification
// needs nothing but the public key.

interface ReceiptKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

let cached: { source: string; keys: ReceiptKeys } | undefined;

/** The configured key (RECEIPT_SIGNING_KEY), else one derived from NEXTAUTH_SECRET, so development needs nothing. */
export function receiptKeys(): ReceiptKeys {
  const configured = env().RECEIPT_SIGNING_KEY;
  const source = configured ?? `derived:${env().NEXTAUTH_SECRET}`;
  if (cached?.source === source) return cached.keys;
  const der = configured
    ? ed25519KeyDer(configured)
    : Buffer.concat([
        ED25519_PKCS8_PREFIX,
        Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "terminvergabe", "extension-receipt-key-v1", 32)),
      ]);
  const privateKey = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ format: "der", type: "spki" });
  const keyId = createHash("sha256").update(spki).digest("hex").slice(0, 16);
  cached = { source, keys: { privateKey, publicKey, keyId } };
  return cached.keys;
}

export interface SignedStatement {
  payload: string;
  signature: string;
  keyId: string;
}

/** Signs the statement (with the key's id set into it): the canonical JSON and its signature (base64url). */
export function signStatement(statement: Omit<ReceiptStatement, "keyId">): SignedStatement {
  const { privateKey, keyId } = receiptKeys();
  const payload = canonicalStatement({ ...statement, keyId });
  const signature = sign(null, Buffer.from(payload, "utf8"), privateKey).toString("base64url");
  return { payload, signature, keyId };
}

/** The check code for the verification link. */
export function receiptCode(signed: Pick<SignedStatement, "payload" | "signature">): string {
  return `${Buffer.from(signed.payload, "utf8").toString("base64url")}.${signed.signature}`;
}

export type ReceiptVerification = { genuine: true; statement: ReceiptStatement } | { genuine: false };

/**
 * Whether a check code carries a statement this server signed: the signature verifies with the current key and the
 * statement is one the receipt schema knows, in its canonical form. Anything else, however malformed, is "not genuine".
 */
export function verifyReceiptCode(code: unknown): ReceiptVerification {
  const parsed = receiptCodeSchema.safeParse(code);
  if (!parsed.success) return { genuine: false };
  const [payloadPart, signaturePart] = parsed.data.split(".");
  const payload = Buffer.from(payloadPart, "base64url");
  const signature = Buffer.from(signaturePart, "base64url");
  const { publicKey, keyId } = receiptKeys();
  if (signature.length !== 64 || !verify(null, payload, publicKey, signature)) return { genuine: false };
  try {
    const statement = receiptStatementSchema.safeParse(JSON.parse(payload.toString("utf8")));
    if (!statement.success || statement.data.keyId !== keyId) return { genuine: false };
    if (canonicalStatement(statement.data) !== payload.toString("utf8")) return { genuine: false };
    return { genuine: true, statement: statement.data };
  } catch {
    return { genuine: false };
  }
}
