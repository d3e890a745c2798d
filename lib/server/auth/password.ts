import { type Algorithm, hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's recommended minimum (19 MiB, 2 passes): memory-hard against offline guessing.
// Algorithm.Argon2id is a const enum, which isolated modules cannot import: its value is 2.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Spent on unknown accounts too, so that timing does not reveal which e-mail addresses have an account. */
let dummy: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword("timing-equaliser");
  await verify(await dummy, password).catch(() => false);
  return false;
}
