import ICAL from "ical.js";
import { GET } from "@/app/api/feeds/[file]/route";
import type { Actor } from "@/lib/server/auth/permissions";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { cancelBookingByToken } from "@/lib/server/services/cancel-booking-by-token";
import { createBooking } from "@/lib/server/services/create-booking";
import { createFeed } from "@/lib/server/services/feeds/create-feed";
import { FEED_REQUESTS_PER_HOUR } from "@/lib/server/services/feeds/feed-calendar";
import { listFeeds } from "@/lib/server/services/feeds/list-feeds";
import { revokeFeed } from "@/lib/server/services/feeds/revoke-feed";
import { hashToken } from "@/lib/server/security/tokens";
import { describeEachDatabase } from "../helpers/databases";
import { codeOf } from "../helpers/app-error-code";
import { citizenBooking } from "../helpers/integration/bookings";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { staff } from "../helpers/integration/staff";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// The staff's private calendar feed of an office, through its route handler on both databases: the address works
// until it is revoked, then answers exactly like an unknown one; it shows the office's active appointments from a
// week back to the horizon, with services and reference code, names only where the office enables them, and never
// an e-mail address or phone number.

const MONDAY = "2027-03-01";
const NOW = at(MONDAY, "07:00");
const PHONE = "+49 6331 987654";

/** The feed as a calendar app fetches it, at `now`. */
async function fetchFeed(file: string, now: Date = NOW) {
  const response = await GET(new Request(`http://localhost:3000/api/feeds/${file}`), { params: Promise.resolve({ file }) });
  return { response, text: await response.text(), now };
}

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describeEachDatabase("calendar feeds", (ctx) => {
  let clerk: Actor;
  let officeId: string;
  let restore: () => void;
  let now = NOW;

  eachTestOnEmptyDatabase(ctx, async (db) => {
    const { office } = await createOfficeFixture(db, {
      services: [
        { slug: "beratung", durationMinutes: 30 },
        { slug: "pass", durationMinutes: 15 },
      ],
    });
    officeId = office.id;
    await createOfficeFixture(db, { slug: "nachbaramt" });
    clerk = await staff(db, "CLERK", [office.id]);
    now = NOW;
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => now });
  });
  afterEach(() => restore());

  const book = (n: number, time: string, officeSlug = "testamt") =>
    createBooking(
      ctx.db,
      citizenBooking({ officeSlug, start: at(MONDAY, time), now: NOW, person: { ...person(n), phone: PHONE } }, n),
    );

  async function newFeed(label = "Outlook Team") {
    const { url } = await createFeed(ctx.db, clerk, "testamt", { label });
    return url.slice(url.lastIndexOf("/") + 1);
  }

  it("gives a clerk an address once, stored as its hash, and lists the feed with its last use", async () => {
    const { url, feed } = await createFeed(ctx.db, clerk, "testamt", { label: "Outlook Team" });
    const token = /\/api\/feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)?.[1];
    expect(token).toBeDefined();
    const row = await ctx.db.calendarFeed.findUniqueOrThrow({ where: { id: feed.id } });
    expect(row.tokenHash).toBe(hashToken(token!));
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await listFeeds(ctx.db, clerk, { officeSlug: "testamt" })).active).toEqual([
      expect.objectContaining({ label: "Outlook Team", lastUsedAt: null, revokedAt: null }),
    ]);
    expect((await fetchFeed(`${token}.ics`)).response.status).toBe(200);
    expect((await listFeeds(ctx.db, clerk, { officeSlug: "testamt" })).active[0].lastUsedAt).toEqual(NOW);
    expect((await ctx.db.auditLog.findMany()).map((a) => a.action)).toEqual(["feed.create"]);
  });

  it("shows the office's active appointments with services and reference code, no personal data", async () => {
    const file = await newFeed();
    const first = await book(1, "09:00");
    const second = await book(2, "10:00");
    const cancelled = await book(3, "11:00");
    await cancelBookingByToken(ctx.db, { token: cancelled.manageToken, now: NOW });
    await book(4, "09:00", "nachbaramt");
    // A combined appointment: the second service of the same office.
    const pass = await ctx.db.service.findFirstOrThrow({ where: { officeId, slug: "pass" } });
    await ctx.db.bookingService.create({ data: { bookingId: second.id, serviceId: pass.id, position: 1 } });

    const { response, text } = await fetchFeed(file);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const events = eventsOf(text);
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString()])).toEqual([
      [`Leistung beratung · ${first.referenceCode}`, at(MONDAY, "09:00").toISOString()],
      [`Leistung beratung + Leistung pass · ${second.referenceCode}`, at(MONDAY, "10:00").toISOString()],
    ]);
    expect(events[0].description).toContain(`Buchungsnummer: ${first.referenceCode}`);
    for (const secret of ["Amira", "Beispiel", "@example.org", PHONE, "6331", "1990-03-27"]) expect(text).not.toContain(secret);
  });

  it("shows names only where the office enables them, and never e-mail or phone", async () => {
    await ctx.db.office.update({ where: { id: officeId }, data: { feedIncludesNames: true } });
    const file = await newFeed();
    const booking = await book(1, "09:00");
    const { text } = await fetchFeed(file);
    expect(eventsOf(text).map((e) => e.summary)).toEqual([`Leistung beratung · ${booking.referenceCode} · Amira Beispiel 1`]);
    expect(text).not.toContain("@example.org");
    expect(text).not.toContain(PHONE);
  });

  it("reaches from seven days back to the booking horizon", async () => {
    const file = await newFeed();
    await book(1, "09:00");
    now = new Date(at(MONDAY, "09:00").getTime() + 7 * 86_400_000 - 60_000);
    expect(eventsOf((await fetchFeed(file)).text)).toHaveLength(1);
    now = new Date(at(MONDAY, "09:00").getTime() + 7 * 86_400_000 + 60_000);
    expect(eventsOf((await fetchFeed(file)).text)).toHaveLength(0);
    // Horizon: 30 days in the fixture.
    now = new Date(at(MONDAY, "09:00").getTime() - 30 * 86_400_000 - 60_000);
    expect(eventsOf((await fetchFeed(file)).text)).toHaveLength(0);
  });

  it("answers a revoked address exactly like an unknown or malformed one: 404, no hint", async () => {
    const file = await newFeed();
    const other = await newFeed("Handy");
    await book(1, "09:00");
    const feed = await ctx.db.calendarFeed.findFirstOrThrow({ where: { label: "Outlook Team" } });
    await revokeFeed(ctx.db, clerk, feed.id, NOW);
    const revoked = await fetchFeed(file);
    const unknown = await fetchFeed(`${"A".repeat(43)}.ics`);
    const malformed = await fetchFeed("nonsense.ics");
    for (const answer of [revoked, unknown, malformed]) {
      expect(answer.response.status).toBe(404);
      expect(answer.text).toBe(revoked.text);
      expect(answer.response.headers.get("cache-control")).toBe("private, no-store");
    }
    // The other feed of the office still works.
    expect((await fetchFeed(other)).response.status).toBe(200);
    expect((await listFeeds(ctx.db, clerk, { officeSlug: "testamt" })).revoked).toEqual([expect.objectContaining({ label: "Outlook Team", revokedAt: NOW })]);
  });

  it("lets only the office's own staff create and revoke its feeds", async () => {
    const stranger = await staff(ctx.db, "CLERK", [(await ctx.db.office.findUniqueOrThrow({ where: { slug: "nachbaramt" } })).id]);
    expect(await codeOf(createFeed(ctx.db, stranger, "testamt", { label: "x" }))).toBe("FORBIDDEN");
    await newFeed();
    const feed = await ctx.db.calendarFeed.findFirstOrThrow();
    expect(await codeOf(revokeFeed(ctx.db, stranger, feed.id, NOW))).toBe("FORBIDDEN");
    expect(await codeOf(revokeFeed(ctx.db, stranger, "not-an-id!", NOW))).toBe("FORBIDDEN");
  });

  it("limits the requests per address", async () => {
    const file = await newFeed();
    const other = await newFeed("Handy");
    for (let i = 0; i < FEED_REQUESTS_PER_HOUR; i++) expect((await fetchFeed(file)).response.status).toBe(200);
    const limited = await fetchFeed(file);
    expect(limited.response.status).toBe(429);
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
    // Per address: another feed is not held back.
    expect((await fetchFeed(other)).response.status).toBe(200);
  });
});
