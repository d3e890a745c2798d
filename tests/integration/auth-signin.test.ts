import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import {
  ADDRESS_MAX_FAILURES,
  LOCK_MS,
  lockedUntil,
  MAX_FAILURES,
  recordFailure,
  recordSignInFailure,
  signInKeys,
  signInWait,
  WINDOW_MS,
} from "@/lib/server/auth/throttle";
import type { Db } from "@/lib/server/db/client";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { PEER_ADDRESS_HEADER } from "@/lib/server/security/client-address";

// The sign-in path against a real database: the credentials provider's authorize() with throttling per account
// and per client address.

let currentDb: Db;
jest.mock("@/lib/server/db", () => ({ ...jest.requireActual("@/lib/server/db/client"), getDb: () => currentDb }));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { authOptions } = require("@/lib/server/auth/options") as typeof import("@/lib/server/auth/options");

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
function authorize(): Authorize {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

const PASSWORD = "Richtiges-Passwort-1";
const headers = (ip: string) => ({ [PEER_ADDRESS_HEADER]: ip });

describe("passwords", () => {
  it("are hashed with Argon2id and verified", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, "falsch")).toBe(false);
    expect(await verifyPassword(null, PASSWORD)).toBe(false);
    expect(await verifyPassword("not-a-hash", PASSWORD)).toBe(false);
  });
});

describe("the redirect after signing in", () => {
  it("goes to a page of this site only, also after single sign-on", async () => {
    const redirect = authOptions().callbacks!.redirect!;
    const baseUrl = "https://termine.stadt.de";
    expect(await redirect({ url: "/staff/auswertung?x=1", baseUrl })).toBe(`${baseUrl}/staff/auswertung?x=1`);
    expect(await redirect({ url: `${baseUrl}/staff/verwaltung`, baseUrl })).toBe(`${baseUrl}/staff/verwaltung`);
    for (const url of ["/\\evil.example/phish", "/\t/evil.example", "https://evil.example/", `${baseUrl}//evil.example`]) {
      expect(await redirect({ url, baseUrl })).toBe(`${baseUrl}/staff`);
    }
  });
});

describeEachDatabase("signing in", (ctx) => {
  beforeEach(async () => {
    await resetDatabase(ctx.db);
    currentDb = ctx.db;
    await ctx.db.staffUser.create({
      data: { email: "clerk@example.org", name: "Clerk", role: "CLERK", passwordHash: await hashPassword(PASSWORD) },
    });
    await ctx.db.staffUser.create({
      data: { email: "gone@example.org", name: "Gone", role: "CLERK", active: false, passwordHash: await hashPassword(PASSWORD) },
    });
  });

  it("accepts the right password (e-mail in any case) and refuses wrong ones and deactivated accounts", async () => {
    expect(await authorize()({ email: "Clerk@Example.org", password: PASSWORD }, { headers: headers("198.51.100.1") })).toMatchObject({ email: "clerk@example.org" });
    expect(await authorize()({ email: "clerk@example.org", password: "falsch" }, { headers: headers("198.51.100.1") })).toBeNull();
    expect(await authorize()({ email: "gone@example.org", password: PASSWORD }, { headers: headers("198.51.100.1") })).toBeNull();
    expect(await authorize()({ email: "nobody@example.org", password: PASSWORD }, { headers: headers("198.51.100.1") })).toBeNull();
    expect(await authorize()({ email: "kein-email", password: "" }, { headers: {} })).toBeNull();
  });

  it("stops a guesser at the account from its address, not the real person at another", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const result = await authorize()({ email: "clerk@example.org", password: `falsch${i}` }, { headers: headers("203.0.113.5") }).then(
        (user) => (user === null ? "refused" : "signed in"),
        (error: Error) => error.message,
      );
      outcomes.push(result);
    }
    expect(outcomes.slice(0, MAX_FAILURES)).toEqual(Array(MAX_FAILURES).fill("refused"));
    expect(outcomes.slice(MAX_FAILURES).every((o) => /^THROTTLED:\d+$/.test(o))).toBe(true);
    // The guesser's address stays locked, even with the right password, for the whole lock time.
    await expect(authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: headers("203.0.113.5") })).rejects.toThrow(
      `THROTTLED:${LOCK_MS / 1000}`,
    );
    // The clerk at their own desk signs in.
    expect(await authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: headers("198.51.100.7") })).toMatchObject({
      email: "clerk@example.org",
    });
  });

  it("slows a guesser who uses many addresses, and still lets the clerk in from a fresh one", async () => {
    for (let i = 0; i < 10; i++) {
      expect(await authorize()({ email: "clerk@example.org", password: `falsch${i}` }, { headers: headers(`203.0.113.${i}`) })).toBeNull();
    }
    // Ten failures on the account: each address that has failed waits 2^5 seconds before its next try.
    await expect(authorize()({ email: "clerk@example.org", password: "falsch" }, { headers: headers("203.0.113.3") })).rejects.toThrow(
      /^THROTTLED:3[12]$/,
    );
    expect(await authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: headers("198.51.100.7") })).toMatchObject({
      email: "clerk@example.org",
    });
    // A successful sign-in ends the account's delay.
    expect(await ctx.db.loginThrottle.count({ where: { key: "account:clerk@example.org" } })).toBe(0);
  });

  it("locks a client address that tries many accounts", async () => {
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
      expect(await authorize()({ email: `guess${i}@example.org`, password: "x" }, { headers: headers("192.0.2.66") })).toBeNull();
    }
    await expect(authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: headers("192.0.2.66") })).rejects.toThrow("THROTTLED");
    // Another address is not affected, and the stored keys do not contain the address in clear.
    expect(await authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: headers("192.0.2.67") })).toMatchObject({ email: "clerk@example.org" });
    const keys = (await ctx.db.loginThrottle.findMany()).map((r) => r.key);
    expect(keys.some((k) => k.includes("192.0.2.66"))).toBe(false);
  });

  it("counts a client by its connection, not by the X-Forwarded-For it sends", async () => {
    for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
      await authorize()(
        { email: `guess${i}@example.org`, password: "x" },
        { headers: { ...headers("192.0.2.66"), "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `203.0.113.${i}` } },
      );
    }
    await expect(
      authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: { ...headers("192.0.2.66"), "x-forwarded-for": "203.0.113.99" } }),
    ).rejects.toThrow("THROTTLED");
  });

  it("forgets failures after the window and lifts a lock after its time", async () => {
    const keys = signInKeys("clerk@example.org", "192.0.2.1", "secret");
    const t0 = new Date("2027-01-04T08:00:00Z");
    const later = (ms: number) => new Date(t0.getTime() + ms);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordSignInFailure(ctx.db, keys, t0);
    expect(await signInWait(ctx.db, keys, t0)).toBeNull();
    // The pair's window has passed: its count starts again, and the account is not yet slowed.
    await recordSignInFailure(ctx.db, keys, later(WINDOW_MS + 1));
    expect(await signInWait(ctx.db, keys, later(WINDOW_MS + 2_000))).toBeNull();
    for (let i = 0; i < MAX_FAILURES; i++) await recordSignInFailure(ctx.db, keys, t0);
    expect(await signInWait(ctx.db, keys, t0)).toBe(LOCK_MS / 1000);
    expect(await signInWait(ctx.db, keys, later(LOCK_MS + 1))).toBeNull();
    // The invitation page's counter per client keeps its plain lock.
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(ctx.db, ["invite:x"], t0);
    expect(await lockedUntil(ctx.db, ["invite:x"], t0)).toBeNull();
    await recordFailure(ctx.db, ["invite:x"], t0);
    expect(await lockedUntil(ctx.db, ["invite:x"], t0)).toEqual(later(LOCK_MS));
  });
});
