import { defaultLocale, type Locale } from "./routing";

// Each namespace lives in its own file (lib/i18n/messages/<locale>/<namespace>.json) so that features own their
// texts. Adding a namespace is one line in one of these lists.

/** Texts citizens see: complete in every locale (tests/unit/i18n-messages.test.ts checks each key). */
export const PUBLIC_NAMESPACES = [
  "common",
  "booking",
  "validation",
  "errors",
  "email",
  "antibot",
  "privacy",
  "legal",
  "offers",
  "urgent",
  "waitlist",
  "rounds",
  "checkin",
  "display",
  "walkIns",
  "anyLocation",
  "directory",
] as const;

/**
 * German only: the staff area, and the Leichte Sprache page (a form of German by definition). These files exist
 * under de/ alone.
 */
export const STAFF_NAMESPACES = [
  "staff",
  "capacity",
  "agenda",
  "admin",
  "staffUsers",
  "outbox",
  "evaluation",
  "easyLanguage",
  "staffWaitlist",
  "roundsStaff",
  "counter",
  "devices",
  "branding",
  "feeds",
  "webhooks",
] as const;

export type Namespace = (typeof PUBLIC_NAMESPACES)[number] | (typeof STAFF_NAMESPACES)[number];
type Messages = Record<string, unknown>;

async function importNamespace(locale: Locale, namespace: Namespace): Promise<Messages | undefined> {
  try {
    // The pattern keeps the import inside the messages folder; the bundler includes every JSON file found there.
    return ((await import(`./messages/${locale}/${namespace}.json`)) as { default: Messages }).default;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Messages {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `own` completed key by key from `german`, so that a text not yet translated shows in German, not as a key. */
export function withGermanFallback(german: unknown, own: unknown): unknown {
  if (!isObject(german)) return typeof own === typeof german ? own : german;
  const result: Messages = {};
  const other = isObject(own) ? own : {};
  for (const [key, value] of Object.entries(german)) result[key] = withGermanFallback(value, other[key]);
  return result;
}

const cache = new Map<Locale, Promise<Messages>>();

async function load(locale: Locale): Promise<Messages> {
  const entries = await Promise.all([
    ...PUBLIC_NAMESPACES.map(async (ns) => {
      const german = await importNamespace(defaultLocale, ns);
      const own = locale === defaultLocale ? german : await importNamespace(locale, ns);
      return [ns, withGermanFallback(german, own)] as const;
    }),
    ...STAFF_NAMESPACES.map(async (ns) => [ns, await importNamespace(defaultLocale, ns)] as const),
  ]);
  return Object.fromEntries(entries);
}

/** All namespaces for `locale`: public ones in that language (German where a text is missing), staff ones in German. */
export function loadMessages(locale: Locale): Promise<Messages> {
  let entry = cache.get(locale);
  if (!entry) {
    entry = load(locale);
    cache.set(locale, entry);
  }
  return entry;
}
