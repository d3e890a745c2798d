import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { isValidLocalDate } from "@/lib/domain";
import { env } from "@/lib/server/env";
import { qrPng } from "@/lib/server/qr";

// Check-in codes and the door poster's codes are HMAC-SHA256 signatures with a key derived from NEXTAUTH_SECRET
// (like the receipt key's fallback), so nothing is stored: the server recomputes the signature and compares.
//
// A check-in token binds a booking to the local date of its appointment: "<booking id>.<YYYYMMDD>.<MAC>". It is
// worthless on any other day and for a moved appointment (its date changed), and it is usable once because the
// booking gets exactly one ticket (Ticket.bookingId is unique and check-in needs a CONFIRMED booking).

const MAC_BYTES = 20; // 160 bits: unguessable with a margin over the 128 the project asks of every link
const CHECK_IN_TOKEN = /^([a-z0-9]{10,40})\.(\d{8})\.([A-Za-z0-9_-]{27})$/;
const POSTER_TOKEN = /^[A-Za-z0-9_-]{27}$/;
const POSTER_VISIT = /^([a-z0-9]{10,40})\.(\d{10,16})\.([A-Za-z0-9_-]{27})$/;

/** How long a phone that came through the door poster may check in from it: long enough to wait at the door. */
export const POSTER_VISIT_MINUTES = 60;

/** The cookie that remembers the poster visit on the citizen's phone. */
export const POSTER_VISIT_COOKIE = "tv_poster";

let cached: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (cached?.secret !== secret) {
    cached = { secret, key: Buffer.from(hkdfSync("sha256", secret, "terminvergabe", "check-in-key-v1", 32)) };
  }
  return cached.key;
}

function mac(statement: string): string {
  return createHmac("sha256", key()).update(statement, "utf8").digest().subarray(0, MAC_BYTES).toString("base64url");
}

function sameMac(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The check-in code of a booking for its appointment's local date ("YYYY-MM-DD"). */
export function checkInToken(bookingId: string, date: string): string {
  const compact = date.replaceAll("-", "");
  return `${bookingId}.${compact}.${mac(`check-in:${bookingId}:${compact}`)}`;
}

/** The booking and local date a genuine check-in code names; null for anything else, however malformed. */
export function readCheckInToken(token: unknown): { bookingId: string; date: string } | null {
  if (typeof token !== "string") return null;
  const match = CHECK_IN_TOKEN.exec(token.trim());
  if (!match) return null;
  const [, bookingId, compact, given] = match;
  const date = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6)}`;
  if (!isValidLocalDate(date)) return null;
  return sameMac(given, mac(`check-in:${bookingId}:${compact}`)) ? { bookingId, date } : null;
}

/** The code in the door poster's QR code: it names the office, and only the server can make it. */
export function posterToken(officeId: string): string {
  return mac(`poster:${officeId}`);
}

export function isPosterToken(officeId: string, token: unknown): boolean {
  return typeof token === "string" && POSTER_TOKEN.test(token) && sameMac(token, posterToken(officeId));
}

/** The cookie value remembering that this phone opened the office's poster link at `now`. */
export function posterVisit(officeId: string, now: Date): string {
  const until = now.getTime() + POSTER_VISIT_MINUTES * 60_000;
  return `${officeId}.${until}.${mac(`poster-visit:${officeId}:${until}`)}`;
}

/** Whether the cookie value is a poster visit of this office that has not run out at `now`. */
export function isPosterVisit(officeId: string, value: unknown, now: Date): boolean {
  if (typeof value !== "string") return false;
  const match = POSTER_VISIT.exec(value);
  if (!match || match[1] !== officeId) return false;
  const until = Number(match[2]);
  if (!(until >= now.getTime())) return false;
  return sameMac(match[3], mac(`poster-visit:${officeId}:${match[2]}`));
}

/** The check-in code as a PNG (the e-mail's inline image). */
export function checkInQrPng(token: string): Buffer {
  return qrPng(token, 400);
}
