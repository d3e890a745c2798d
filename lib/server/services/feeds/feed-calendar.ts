import "server-only";
import { createTranslator } from "next-intl";
import { OCCUPYING_STATUSES } from "@/lib/domain";
import { buildIcsCalendar } from "@/lib/ics";
import feedTexts from "@/lib/i18n/messages/de/feeds.json";
import type { Db } from "@/lib/server/db/client";
import { env } from "@/lib/server/env";
import { consumePoint, tableLimiter } from "@/lib/server/security/rate-limit";
import { hashToken } from "@/lib/server/security/tokens";
import { appointmentColumns, bookingServicesSelect, servicesOf } from "../booking-services";
import { displayName } from "../staff/common";

// The private calendar feed (ICS subscription) of an office for its staff. The address is the credential: anyone
// who has it reads the office's appointments, so it carries 256 random bits, is stored hashed, can be revoked, and
// the feed holds nothing beyond what a clerk needs at a glance: services, reference code, number of persons and the
// kind of appointment; names only where the office enables them; e-mail addresses and phone numbers never.

/** Appointments shown from this many days back (a week's look back) to the end of the booking horizon. */
export const FEED_DAYS_BACK = 7;
/** More than any office books in its horizon; a bound on the answer's size. */
const FEED_MAX_EVENTS = 5000;
/** Calendar apps poll every few minutes at most; this is far above that and far below a scraper. */
export const FEED_REQUESTS_PER_HOUR = 120;
/** lastUsedAt is written at most this often, so polling does not turn into a write per request. */
const LAST_USED_RESOLUTION_MS = 5 * 60_000;
/** SEQUENCE counts seconds since this instant (the entry changes whenever the booking row does). */
const SEQUENCE_EPOCH_MS = Date.UTC(2025, 0, 1);

export type FeedAnswer = { kind: "calendar"; ics: string } | { kind: "not-found" } | { kind: "rate-limited"; retryAfterSeconds: number };

const t = createTranslator({ locale: "de", messages: { feeds: feedTexts }, namespace: "feeds.ics" });

/** The feed behind a token: the calendar, or not-found for an unknown or revoked one (the same answer for both). */
export async function feedCalendar(db: Db, token: string, now: Date): Promise<FeedAnswer> {
  const tokenHash = hashToken(token);
  const wait = await consumePoint(tableLimiter(db, "calendar-feed", FEED_REQUESTS_PER_HOUR, 3600), tokenHash.slice(0, 32));
  if (wait !== null) return { kind: "rate-limited", retryAfterSeconds: wait };
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash },
    include: {
      office: {
        select: {
          id: true,
          slug: true,
          name: true,
          street: true,
          postalCode: true,
          locality: true,
          room: true,
          bookingHorizonDays: true,
          feedIncludesNames: true,
        },
      },
    },
  });
  if (!feed || feed.revokedAt) return { kind: "not-found" };
  if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.calendarFeed.updateMany({ where: { id: feed.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  const { office } = feed;
  const bookings = await db.booking.findMany({
    where: {
      officeId: office.id,
      status: { in: [...OCCUPYING_STATUSES] },
      startsAt: { gte: new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000), lt: new Date(now.getTime() + office.bookingHorizonDays * 86_400_000) },
    },
    orderBy: { startsAt: "asc" },
    take: FEED_MAX_EVENTS,
    select: {
      id: true,
      ...appointmentColumns,
      updatedAt: true,
      // Selected only where the office shows names; e-mail and phone are never read.
      givenName: office.feedIncludesNames,
      familyName: office.feedIncludesNames,
      ...bookingServicesSelect({ catalogueService: { select: { name: true } } }),
    },
  });
  const appUrl = env().APP_URL;
  const host = new URL(appUrl).hostname;
  const address = [office.name, office.street, `${office.postalCode} ${office.locality}`, ...(office.room ? [office.room] : [])].join(", ");
  const events = bookings.map((b) => {
    const services = servicesOf(b).map((s) => s.catalogueService.name).join(" + ");
    const name = office.feedIncludesNames ? (displayName({ givenName: b.givenName ?? null, familyName: b.familyName ?? null }) ?? t("unnamed")) : null;
    const names = { services, reference: b.referenceCode };
    return {
      uid: `${b.id}@feed.${host}`,
      start: b.startsAt,
      end: b.endsAt,
      summary: name ? t("summaryWithName", { ...names, name }) : t("summary", names),
      description: [
        t("reference", { reference: b.referenceCode }),
        t("persons", { count: b.persons }),
        t("kind", { kind: t(`kinds.${b.kind}`) }),
        t("status", { status: t(`statuses.${b.status as (typeof OCCUPYING_STATUSES)[number]}`) }),
      ].join("\n"),
      location: b.kind === "IN_PERSON" ? address : t(`kinds.${b.kind}`),
      url: `${appUrl}/staff/${office.slug}/termine/${b.id}`,
      sequence: Math.max(0, Math.floor((b.updatedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000)),
      now,
    };
  });
  return { kind: "calendar", ics: buildIcsCalendar({ name: t("calendarName", { office: office.name }), events }) };
}
