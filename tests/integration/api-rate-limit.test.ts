import enErrors from "@/lib/i18n/messages/en/errors.json";
import { GET as listSlots } from "@/app/api/v1/offices/[office]/services/[service]/slots/route";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { DEFAULT_API_LIMIT, overrideApiLimit } from "@/lib/server/security/api-rate-limit";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";
import { clearExpiredCounters, tableLimiter } from "@/lib/server/security/rate-limit";
import { APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// The public slot API answers each client address at most 60 times a minute (as Munich's ZMS does); beyond that it
// refuses with 429, a Retry-After header and the API's one error shape, while other clients are still served. The
// counters are rows in the database, so the limit holds across app instances on both databases.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const MONDAY = "2030-03-04";
const NOW = at(MONDAY, "07:00");
function ask(address: string, query = "?next=1") {
  return callApi(listSlots, `/api/v1/offices/testamt/services/beratung/slots${query}`, { headers: { [PEER_ADDRESS_HEADER]: address } });
}

describeEachDatabase("rate limit of the slot API", (ctx) => {
  let restore: () => void;

  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => undefined });
  });
  afterAll(() => restore());

  beforeEach(async () => {
    await resetDatabase(ctx.db);
    await createOfficeFixture(ctx.db);
  });

  it("serves 60 requests a minute from one address, answers the 61st with 429 and Retry-After, and still serves others", async () => {
    expect(DEFAULT_API_LIMIT).toEqual({ points: 60, windowSeconds: 60 });
    for (let i = 0; i < 60; i++) {
      const response = await ask("198.51.100.7");
      expect([i, response.status]).toEqual([i, 200]);
    }

    const refused = await ask("198.51.100.7", "?next=1&lang=en");
    expect(refused.status).toBe(429);
    const wait = Number(refused.response.headers.get("retry-after"));
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true);
    expect(refused.response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(refused.response.headers.get("cache-control")).toBe("no-store");
    expect(refused.body).toEqual({ error: { code: "TOO_MANY_REQUESTS", message: enErrors.TOO_MANY_REQUESTS } });

    // Malformed requests count too, and are refused the same way rather than validated.
    expect((await ask("198.51.100.7", "?persons=abc")).status).toBe(429);

    const other = await ask("203.0.113.9");
    expect(other.status).toBe(200);
    expect(other.body.nextFree).not.toBeNull();
    // The same client spelled differently (IPv4 on a dual-stack socket) is the same client.
    expect((await ask("::ffff:198.51.100.7")).status).toBe(429);
  });

  it("takes another limit from tests until it is restored", async () => {
    const restoreLimit = overrideApiLimit({ points: 2, windowSeconds: 30 });
    try {
      expect((await ask("192.0.2.1")).status).toBe(200);
      expect((await ask("192.0.2.1")).status).toBe(200);
      const refused = await ask("192.0.2.1");
      expect(refused.status).toBe(429);
      const wait = Number(refused.response.headers.get("retry-after"));
      expect(wait >= 1 && wait <= 30).toBe(true);
    } finally {
      restoreLimit();
    }
    // The same counter, measured against the default limit again.
    expect((await ask("192.0.2.1")).status).toBe(200);
  });

  it("makes one limiter per kind of counter and limit, none with a timer of its own", () => {
    const limiter = tableLimiter(ctx.db, "sweep-test", 3, 60);
    expect(tableLimiter(ctx.db, "sweep-test", 3, 60)).toBe(limiter);
    const all = [limiter, tableLimiter(ctx.db, "sweep-test", 4, 60), tableLimiter(ctx.db, "booking-ip", 30, 3600)];
    expect(new Set(all).size).toBe(3);
    // A timer per limiter would outlive its database and sweep the one table again and again: the jobs clear it.
    expect(all.filter((l) => (l as unknown as { clearExpiredByTimeout: boolean }).clearExpiredByTimeout)).toEqual([]);
  });

  it("the jobs clear counters an hour after their window ended, and keep the others", async () => {
    const minute = 60_000;
    await ctx.db.rateLimit.createMany({
      data: [
        { key: "ended-long-ago", points: 5, expire: new Date(NOW.getTime() - 61 * minute) },
        { key: "ended-recently", points: 5, expire: new Date(NOW.getTime() - 59 * minute) },
        { key: "running", points: 1, expire: new Date(NOW.getTime() + minute) },
        { key: "no-expiry", points: 1, expire: null },
      ],
    });
    expect(await clearExpiredCounters(ctx.db, NOW)).toBe(1);
    expect((await ctx.db.rateLimit.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
      "ended-recently",
      "no-expiry",
      "running",
    ]);
  });
});
