// Which e-mail addresses reach the same mailbox, for COUNTING bookings per person only (rate limits, the office's
// limit of active bookings). Mail always goes to the address exactly as the citizen entered it.
//
// "Same+1@Example.org" and "same@example.org" reach one mailbox almost everywhere (sub-addressing with "+", and
// domains and, in practice, local parts are case-insensitive); Gmail also ignores dots in the local part and answers
// for googlemail.com too. Without this, one person passes a per-address limit by spelling their address anew.

/** Providers that ignore dots in the local part, with the domain they answer for. */
const DOTLESS_DOMAINS: Record<string, string> = { "gmail.com": "gmail.com", "googlemail.com": "gmail.com" };

function split(email: string): { local: string; domain: string } | null {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return null;
  return { local: trimmed.slice(0, at), domain: trimmed.slice(at + 1).replace(/\.$/, "") };
}

/**
 * The mailbox an address reaches, as one key: lower case, without a "+tag", without dots where the provider
 * ignores them, googlemail.com as gmail.com. Something that is no address is only trimmed and lower-cased.
 */
export function emailCountingKey(email: string): string {
  const parts = split(email);
  if (!parts) return email.trim().toLowerCase();
  const plus = parts.local.indexOf("+");
  // "+tag@..." alone names no other mailbox: keep it whole.
  let local = plus > 0 ? parts.local.slice(0, plus) : parts.local;
  const domain = DOTLESS_DOMAINS[parts.domain] ?? parts.domain;
  if (DOTLESS_DOMAINS[parts.domain]) local = local.replace(/\./g, "") || local;
  return `${local}@${domain}`;
}

/** The e-mail columns of a booking or a wish: the address as given and its counting key (null without an address). */
export function emailColumns(email: string): { email: string; emailKey: string };
export function emailColumns(email: string | null): { email: string | null; emailKey: string | null };
export function emailColumns(email: string | null): { email: string | null; emailKey: string | null } {
  return { email, emailKey: email === null ? null : emailCountingKey(email) };
}
