import type { BrowserContext } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData } from "../helpers/citizen";
import { DEFAULT_LIMITS, hashClientAddress } from "@/lib/server/security/rate-limit";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";

// Who a client is, under `next start` as deployed: the socket's peer, whatever the client writes into
// X-Forwarded-For or into the private peer header; behind TRUSTED_PROXY_HOPS proxies, the entry the nearest proxy
// appended. Seen from outside through the booking limit per client address (ANTIBOT on, limits as in production).

const OFFICE = "auslaenderbehoerde";
// The app's secret, known here too, so that the test can tell which address a counter belongs to.
const SECRET = "client-address-e2e-secret-0123456789abcdef";
process.env.NEXTAUTH_SECRET = SECRET;

/** The counter key of a client address, as the app writes it. */
const counterKey = (address: string) => `booking-ip:${hashClientAddress(address)}`;
/** The socket's address of this machine's requests: IPv4 or IPv6 loopback, whichever the client picked. */
const loopback = () => [counterKey("127.0.0.1"), counterKey("::1")];
const SERVICE = "beratungsgespraech";

/** A scripted booking attempt without a solved challenge: counted against the client, then refused. */
function attempt(app: RunningApp, email: string, headers: Record<string, string>) {
  return fetch(`${app.url}/api/v1/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({
      office: OFFICE,
      service: SERVICE,
      start: "2031-01-06T09:00:00.000Z",
      familyName: "Skript",
      email,
      dateOfBirth: "1990-01-01",
      privacyConsent: true,
    }),
  });
}

async function clientKeys(app: RunningApp): Promise<Array<{ key: string; points: number }>> {
  const rows = await app.db.rateLimit.findMany({ where: { key: { startsWith: "booking-ip" } } });
  return rows.map(({ key, points }) => ({ key, points }));
}

describe("without reverse proxies (TRUSTED_PROXY_HOPS=0)", () => {
  let app: RunningApp;
  let browser: BrowserContext;

  beforeAll(async () => {
    app = await startApp({ env: { ANTIBOT: "on", NEXTAUTH_SECRET: SECRET } });
    browser = await launchBrowser({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("counts a server action under the socket's address, whatever the browser claims to be", async () => {
    await browser.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.200", [PEER_ADDRESS_HEADER]: "203.0.113.201" });
    const page = await browser.newPage();
    await page.goto(`${app.url}/${OFFICE}`);
    await page.getByLabel("Beratungsgespräch").check();
    await page.getByRole("button", { name: "Weiter" }).click();
    await page.waitForURL(new RegExp(`/${OFFICE}/${SERVICE}$`));
    await fillPersonalData(page, { givenName: "Jonas", familyName: "Becker", email: "jonas.becker@example.org", born: ["2", "11", "1984"] });
    await page.waitForURL(/\/termin/);
    await page.getByRole("button", { name: "Diesen Termin wählen" }).click();
    await page.waitForURL(/\/pruefen$/);
    await page.waitForFunction(
      () => (document.querySelector("input[name=altcha]") as HTMLInputElement | null)?.value?.length,
      undefined,
      { timeout: 30_000 },
    );
    await page.getByRole("button", { name: "Termin verbindlich buchen" }).click();
    await page.waitForURL(/\/bestaetigung$/);
    await page.close();
    const [counted, ...others] = await clientKeys(app);
    expect(others).toEqual([]);
    expect({ points: counted.points, loopback: loopback().includes(counted.key) }).toEqual({ points: 1, loopback: true });
  });

  it("reaches the limit per client although every request forges another address", async () => {
    const before = await clientKeys(app);
    const first = await attempt(app, "skript0@example.org", { "x-forwarded-for": "203.0.113.250" });
    expect(first.status).toBe(403);
    // This connection's key (Chromium may have reached the app over the other loopback family than fetch does).
    const after = await clientKeys(app);
    const mine = after.find((k) => k.points > (before.find((b) => b.key === k.key)?.points ?? 0))!;
    expect(loopback()).toContain(mine.key);
    for (let i = 1; i <= DEFAULT_LIMITS.perIp - mine.points; i++) {
      const forged: Record<string, string> = { [i % 2 ? "x-forwarded-for" : PEER_ADDRESS_HEADER]: `203.0.113.${i}` };
      const res = await attempt(app, `skript${i}@example.org`, forged);
      expect({ i, status: res.status }).toEqual({ i, status: 403 });
    }
    const refused = await attempt(app, "skript-last@example.org", { "x-forwarded-for": "198.51.100.99" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Every forged request was counted under the one connection's key; no key was added for a forged address.
    const keys = await clientKeys(app);
    expect(keys.find((k) => k.key === mine.key)?.points).toBe(DEFAULT_LIMITS.perIp + 1);
    expect(keys.length).toBe(after.length);
    expect(after.length).toBeLessThanOrEqual(2);
  });
});

describe("behind one reverse proxy (TRUSTED_PROXY_HOPS=1)", () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ env: { ANTIBOT: "on", TRUSTED_PROXY_HOPS: "1", NEXTAUTH_SECRET: SECRET } });
  });
  afterAll(() => app?.stop());

  it("counts the address the proxy appended, not what the client put before it", async () => {
    for (let i = 0; i < DEFAULT_LIMITS.perIp; i++) {
      const res = await attempt(app, `proxy${i}@example.org`, { "x-forwarded-for": `203.0.113.${i}, 198.51.100.7` });
      expect({ i, status: res.status }).toEqual({ i, status: 403 });
    }
    expect((await attempt(app, "proxy-last@example.org", { "x-forwarded-for": "203.0.113.250, 198.51.100.7" })).status).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await attempt(app, "other@example.org", { "x-forwarded-for": "198.51.100.8" })).status).toBe(403);
    const keys = await clientKeys(app);
    expect(keys.find((k) => k.key === counterKey("198.51.100.7"))?.points).toBe(DEFAULT_LIMITS.perIp + 1);
    expect(keys.find((k) => k.key === counterKey("198.51.100.8"))?.points).toBe(1);
    expect(keys).toHaveLength(2);
  });
});
