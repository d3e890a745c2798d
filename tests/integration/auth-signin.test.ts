import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { lockedUntil, MAX_FAILURES, recordFailure, throttleKeys, LOCK_MS, WINDOW_MS } from "@/lib/server/auth/throttle";
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

  it("locks an account after repeated failures, even with the right password, and from every address", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      await authorize()({ email: "clerk@example.org", password: `falsch${i}` }, { headers: headers(`203.0.113.${i}`) });
    }
    await expect(authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: headers("198.51.100.7") })).rejects.toThrow("THROTTLED");
  });

  it("locks a client address that tries many accounts", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      await authorize()({ email: `guess${i}@example.org`, password: "x" }, { headers: headers("192.0.2.66") });
    }
    await expect(authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: headers("192.0.2.66") })).rejects.toThrow("THROTTLED");
    // Another address is not affected, and the stored key does not contain the address in clear.
    expect(await authorize()({ email: "clerk@example.org", password: PASSWORD }, { headers: headers("192.0.2.67") })).toMatchObject({ email: "clerk@example.org" });
    const keys = (await ctx.db.loginThrottle.findMany()).map((r) => r.key);
    expect(keys.some((k) => k.includes("192.0.2.66"))).toBe(false);
  });

  it("counts a client by its connection, not by the X-Forwarded-For it sends", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
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
    const keys = throttleKeys("clerk@example.org", "192.0.2.1", "secret");
    const t0 = new Date("2027-01-04T08:00:00Z");
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(ctx.db, keys, t0);
    await recordFailure(ctx.db, keys, new Date(t0.getTime() + WINDOW_MS + 1));
    expect(await lockedUntil(ctx.db, keys, new Date(t0.getTime() + WINDOW_MS + 2))).toBeNull();
    for (let i = 0; i < MAX_FAILURES; i++) await recordFailure(ctx.db, keys, t0);
    expect(await lockedUntil(ctx.db, keys, t0)).toEqual(new Date(t0.getTime() + LOCK_MS));
    expect(await lockedUntil(ctx.db, keys, new Date(t0.getTime() + LOCK_MS + 1))).toBeNull();
  });
});
