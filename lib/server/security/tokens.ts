import { createHash, randomBytes } from "node:crypto";

/**
 * 256 random bits for links in e-mails; only the hash is stored. Lookups go by hash through a unique index, so
 * response timing tells nothing about the token.
 */
export function createManageToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
