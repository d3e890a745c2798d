// Reference codes are read aloud on the phone and typed from paper, so the alphabet leaves out characters that are
// easily confused: 0/O and 1/I/L. 31 symbols, 8 of them per code: about 39.6 bits.

export const REFERENCE_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const REFERENCE_CODE_PREFIX = "TV";
const CODE_LENGTH = 8;

/** Random bytes a caller must supply; 64 bits reduced modulo 31^8 leave a bias far below one in a million. */
export const REFERENCE_CODE_RANDOM_BYTES = 8;

const BASE = BigInt(REFERENCE_CODE_ALPHABET.length);
const CODE_PATTERN = new RegExp(`^${REFERENCE_CODE_PREFIX}-[${REFERENCE_CODE_ALPHABET}]{4}-[${REFERENCE_CODE_ALPHABET}]{4}$`);

/** A code like "TV-7K3M-Q9XA" from caller-supplied random bytes (at least REFERENCE_CODE_RANDOM_BYTES). */
export function referenceCodeFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < REFERENCE_CODE_RANDOM_BYTES) {
    throw new RangeError(`Need at least ${REFERENCE_CODE_RANDOM_BYTES} random bytes, got ${randomBytes.length}`);
  }
  let n = 0n;
  for (let i = 0; i < REFERENCE_CODE_RANDOM_BYTES; i++) n = (n << 8n) | BigInt(randomBytes[i]);
  let symbols = "";
  for (let i = 0; i < CODE_LENGTH; i++) {
    symbols = REFERENCE_CODE_ALPHABET[Number(n % BASE)] + symbols;
    n /= BASE;
  }
  return `${REFERENCE_CODE_PREFIX}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * The canonical form of a code as a person typed it (any case, spaces or dashes anywhere, prefix optional), or null
 * if it cannot be a reference code.
 */
export function normalizeReferenceCode(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s\-\u2010-\u2015]/g, "");
  if (compact.startsWith(REFERENCE_CODE_PREFIX) && compact.length === REFERENCE_CODE_PREFIX.length + CODE_LENGTH) {
    compact = compact.slice(REFERENCE_CODE_PREFIX.length);
  }
  if (compact.length !== CODE_LENGTH) return null;
  const code = `${REFERENCE_CODE_PREFIX}-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return CODE_PATTERN.test(code) ? code : null;
}

/**
 * The canonical code when `input` is a complete code written with its prefix ("TV-7K3M-Q9XA", "tv 7k3m q9xa"), else
 * null. With the prefix, the input cannot still be growing into another code while it is typed: eight symbols
 * typed without it ("TV7K3MQ9") could be the first part of "TV-7K3M-Q9XA" or a code of their own.
 */
export function completeReferenceCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-\u2010-\u2015]/g, "");
  if (!compact.startsWith(REFERENCE_CODE_PREFIX) || compact.length !== REFERENCE_CODE_PREFIX.length + CODE_LENGTH) return null;
  return normalizeReferenceCode(compact);
}
