import type { BrowserContext } from "playwright-core";
import { startApp, type RunningApp } from "../helpers/app-server";
import { launchBrowser } from "../helpers/browser";
import { fillPersonalData } from "../helpers/citizen";
import { DEFAULT_LIMITS } from "@/lib/server/security/rate-limit";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";

// Who a client is, under `next start` as deployed: the socket's peer, whatever the client writes into
// X-Forwarded-For or into the private peer header; behind TRUSTED_PROXY_HOPS proxies, the entry the nearest proxy
// appended. Seen from outside through the booking limit per client address (ANTIBOT on, limits as in production).

const OFFICE = "auslaenderbehoerde";
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
    app = await startApp({ env: { ANTIBOT: "on" } });
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
    expect(await clientKeys(app)).toEqual([{ key: expect.any(String), points: 1 }]);
  });

  it("reaches the limit per client although every request forges another address", async () => {
    const [{ key }] = await clientKeys(app);
    for (let i = 1; i < DEFAULT_LIMITS.perIp; i++) {
      const forged: Record<string, string> = { [i % 2 ? "x-forwarded-for" : PEER_ADDRESS_HEADER]: `203.0.113.${i}` };
      const res = await attempt(app, `skript${i}@example.org`, forged);
      expect({ i, status: res.status }).toEqual({ i, status: 403 });
    }
    const refused = await attempt(app, "skript-last@example.org", { "x-forwarded-for": "198.51.100.99" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // One client, the same one the browser was counted as.
    expect(await clientKeys(app)).toEqual([{ key, points: DEFAULT_LIMITS.perIp + 1 }]);
  });
});

describe("behind one reverse proxy (TRUSTED_PROXY_HOPS=1)", () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ env: { ANTIBOT: "on", TRUSTED_PROXY_HOPS: "1" } });
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
    expect((await clientKeys(app)).map((k) => k.points).sort((a, b) => a - b)).toEqual([1, DEFAULT_LIMITS.perIp + 1]);
  });
});
