jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { pairThisDevice } from "@/app/[locale]/geraet/actions";
import { GET as stateRoute } from "@/app/api/live/[office]/state/route";
import { createDeviceAction, revokeDeviceAction } from "@/app/(staff)/staff/(signed-in)/[office]/geraete/actions";
import type { Actor } from "@/lib/server/auth/permissions";
import { hashToken } from "@/lib/server/security/tokens";
import { createDevice } from "@/lib/server/services/devices/create-device";
import { pairedDevice } from "@/lib/server/services/devices/device-access";
import { renewPairingCode, revokeDevice } from "@/lib/server/services/devices/device-admin";
import { DEVICE_COOKIES, deviceByCredential } from "@/lib/server/services/devices/device-credential";
import { listDevices } from "@/lib/server/services/devices/list-devices";
import { DEVICE_AUDIT, PAIRING_MINUTES } from "@/lib/server/services/devices/pairing";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { callTicket, waitingTicket } from "../helpers/integration/queue-calls";
import { signIn } from "../helpers/integration/session";
import { staff } from "../helpers/integration/staff";
import { actionResult, CookieJar, formData, inBrowser } from "../helpers/next-request-mocks";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// Kiosks and call-up displays as registered devices, on both databases: an office admin registers one and gets a
// one-time pairing code; the device pairs with it once (an expired or used code is refused) and gets its own
// credential in an httpOnly cookie; revoking ends it at once. A credential is good for its own office and kind and
// for nothing else; the display's state shows numbers and counters, never a name.

const TODAY = "2027-03-04";
const NOW = at(TODAY, "08:00");
const MINUTE = 60_000;

describeEachDatabase("devices", (ctx) => {
  let officeA: { id: string; slug: string; timeZone: string };
  let serviceA: string;
  let adminA: Actor;
  let clerkA: Actor;
  let adminB: Actor;
  let platz1: string;
  let platz2: string;

  eachTestOnEmptyDatabase(ctx, async (db) => {
    const a = await createOfficeFixture(db, { slug: "amt-a" });
    const b = await createOfficeFixture(db, { slug: "amt-b" });
    officeA = a.office;
    serviceA = a.service.id;
    adminA = await staff(db, "OFFICE_ADMIN", [a.office.id]);
    clerkA = await staff(db, "CLERK", [a.office.id]);
    adminB = await staff(db, "OFFICE_ADMIN", [b.office.id]);
    platz1 = (await db.counter.create({ data: { officeId: a.office.id, name: "Platz 1", sortOrder: 1 } })).id;
    platz2 = (await db.counter.create({ data: { officeId: a.office.id, name: "Platz 2", sortOrder: 2 } })).id;
    signIn(null);
  });

  /** Pairs a browser with `code` through the pairing page's form; the redirect and the browser's cookies. */
  async function pairWith(code: string, jar = new CookieJar()) {
    const result = await inBrowser(jar, () => actionResult(pairThisDevice("de", formData({ code }))));
    return { redirect: "redirect" in result ? result.redirect : null, jar };
  }

  function stateRequest(officeSlug: string, cookies: Record<string, string>) {
    const cookie = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    return stateRoute(new Request(`http://localhost/api/live/${officeSlug}/state`, { headers: { cookie } }), {
      params: Promise.resolve({ office: officeSlug }),
    });
  }

  it("registers a display with a one-time code, stored hashed; only the office's admins may", async () => {
    const created = await createDevice(ctx.db, adminA, "amt-a", { kind: "DISPLAY", name: "Anzeige Wartebereich", counterIds: [platz1] }, NOW);
    expect(created.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    const row = await ctx.db.device.findUniqueOrThrow({ where: { id: created.device.id } });
    expect(row.pairingCodeHash).toBe(hashToken(created.code));
    expect(JSON.stringify(row)).not.toContain(created.code);
    expect(row.pairingExpiresAt).toEqual(new Date(NOW.getTime() + PAIRING_MINUTES * MINUTE));
    expect(row.counterIds).toBe(platz1);
    expect(await ctx.db.auditLog.count({ where: { action: DEVICE_AUDIT.create, officeId: officeA.id, actorId: adminA.id } })).toBe(1);

    expect(await codeOf(createDevice(ctx.db, clerkA, "amt-a", { kind: "KIOSK", name: "Kiosk" }, NOW))).toBe("FORBIDDEN");
    expect(await codeOf(createDevice(ctx.db, adminB, "amt-a", { kind: "KIOSK", name: "Kiosk" }, NOW))).toBe("FORBIDDEN");
    // Another office's counter is not one to show.
    const other = await ctx.db.counter.create({ data: { officeId: (await ctx.db.office.findUniqueOrThrow({ where: { slug: "amt-b" } })).id, name: "Platz 9" } });
    expect(await codeOf(createDevice(ctx.db, adminA, "amt-a", { kind: "DISPLAY", name: "X", counterIds: [other.id] }, NOW))).toBe("INVALID_INPUT");

    const list = await listDevices(ctx.db, adminA, { officeSlug: "amt-a", now: NOW });
    expect(list.active).toMatchObject([{ name: "Anzeige Wartebereich", kind: "DISPLAY", counters: ["Platz 1"], pairedAt: null }]);
    expect(list.active[0].pairingUntil).toEqual(row.pairingExpiresAt);
  });

  it("the staff form answers field errors and shows the code once", async () => {
    signIn(adminA);
    const refused = await createDeviceAction("amt-a", {}, formData({ kind: "PRINTER", name: " " }));
    expect(refused.fieldErrors).toMatchObject({ kind: ["kindRequired"], name: ["nameRequired"] });
    expect(await ctx.db.device.count()).toBe(0);
    const shown = await createDeviceAction("amt-a", {}, formData({ kind: "KIOSK", name: "Terminal Eingang" }));
    expect(shown.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const row = await ctx.db.device.findFirstOrThrow();
    expect(shown.until).toBe(new Intl.DateTimeFormat("de-DE", { timeStyle: "short", timeZone: "Europe/Berlin" }).format(row.pairingExpiresAt!));
    expect(shown.deviceName).toBe("Terminal Eingang");
    signIn(clerkA);
    expect((await createDeviceAction("amt-a", {}, formData({ kind: "KIOSK", name: "Zweites" }))).formError).toBe("FORBIDDEN");
  });

  it("pairs once: the cookie of its kind, httpOnly and SameSite=Lax; the code is used up", async () => {
    const { code, device } = await createDevice(ctx.db, adminA, "amt-a", { kind: "DISPLAY", name: "Anzeige" }, new Date());
    // Typed in lower case with a dash, as read off the screen.
    const first = await pairWith(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    expect(first.redirect).toBe("/aufruf/amt-a");
    const write = first.jar.writes.find((w) => w.name === DEVICE_COOKIES.DISPLAY)!;
    expect(write.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(first.jar.value(DEVICE_COOKIES.KIOSK)).toBeUndefined();
    const credential = first.jar.value(DEVICE_COOKIES.DISPLAY)!;
    expect(credential.length).toBeGreaterThanOrEqual(43);
    const row = await ctx.db.device.findUniqueOrThrow({ where: { id: device.id } });
    expect(row).toMatchObject({ credentialHash: hashToken(credential), pairingCodeHash: null, pairingExpiresAt: null });
    expect(row.pairedAt).toBeInstanceOf(Date);
    expect(await ctx.db.auditLog.count({ where: { action: DEVICE_AUDIT.pair, officeId: officeA.id } })).toBe(1);

    const again = await pairWith(code);
    expect(again.redirect).toBe("/geraet?fehler=pairingCodeInvalid");
    expect(again.jar.writes).toEqual([]);
    expect((await pairWith("")).redirect).toBe("/geraet?fehler=pairingCodeRequired");
    expect((await pairWith("ABC")).redirect).toBe("/geraet?fehler=pairingCodeInvalid");
  });

  it("refuses an expired code, and a kiosk goes to its kiosk page in the page's language", async () => {
    const start = new Date(Date.now() - (PAIRING_MINUTES + 1) * MINUTE);
    const expired = await createDevice(ctx.db, adminA, "amt-a", { kind: "KIOSK", name: "Alt" }, start);
    expect((await pairWith(expired.code)).redirect).toBe("/geraet?fehler=pairingCodeExpired");
    expect((await ctx.db.device.findUniqueOrThrow({ where: { id: expired.device.id } })).credentialHash).toBeNull();

    const renewed = await renewPairingCode(ctx.db, adminA, expired.device.id, new Date());
    const jar = new CookieJar();
    const result = await inBrowser(jar, () => actionResult(pairThisDevice("tr", formData({ code: renewed.code }))));
    expect(result).toEqual({ redirect: "/tr/kiosk/amt-a" });
    expect(jar.value(DEVICE_COOKIES.KIOSK)).toBeTruthy();
    expect(jar.value(DEVICE_COOKIES.DISPLAY)).toBeUndefined();
  });

  it("limits pairing attempts per client", async () => {
    for (let i = 0; i < 10; i++) expect((await pairWith("ZZZZZZZZ")).redirect).toBe("/geraet?fehler=pairingCodeInvalid");
    expect((await pairWith("ZZZZZZZZ")).redirect).toBe("/geraet?fehler=tooManyAttempts");
  });

  it("re-pairing replaces the credential; revoking refuses it at once", async () => {
    const { code, device } = await createDevice(ctx.db, adminA, "amt-a", { kind: "DISPLAY", name: "Anzeige" }, new Date());
    const old = (await pairWith(code)).jar.value(DEVICE_COOKIES.DISPLAY)!;
    const renewed = await renewPairingCode(ctx.db, adminA, device.id, new Date());
    // Until the new code is used, the old credential keeps the screen running.
    expect(await pairedDevice(ctx.db, old, "DISPLAY", "amt-a", new Date())).not.toBeNull();
    const fresh = (await pairWith(renewed.code)).jar.value(DEVICE_COOKIES.DISPLAY)!;
    expect(await pairedDevice(ctx.db, old, "DISPLAY", "amt-a", new Date())).toBeNull();
    expect((await stateRequest("amt-a", { [DEVICE_COOKIES.DISPLAY]: old })).status).toBe(403);
    expect((await stateRequest("amt-a", { [DEVICE_COOKIES.DISPLAY]: fresh })).status).toBe(200);

    expect(await codeOf(revokeDevice(ctx.db, clerkA, device.id, new Date()))).toBe("FORBIDDEN");
    expect(await codeOf(revokeDevice(ctx.db, adminB, device.id, new Date()))).toBe("FORBIDDEN");
    signIn(adminA);
    const revoked = await actionResult(revokeDeviceAction("amt-a", formData({ deviceId: device.id })));
    expect(revoked).toEqual({ redirect: "/staff/amt-a/geraete?gesperrt=1" });
    expect(await ctx.db.auditLog.count({ where: { action: DEVICE_AUDIT.revoke, actorId: adminA.id } })).toBe(1);
    signIn(null);
    expect(await pairedDevice(ctx.db, fresh, "DISPLAY", "amt-a", new Date())).toBeNull();
    expect((await stateRequest("amt-a", { [DEVICE_COOKIES.DISPLAY]: fresh })).status).toBe(403);
    expect(await codeOf(renewPairingCode(ctx.db, adminA, device.id, new Date()))).toBe("STATUS_NOT_ALLOWED");
    expect((await listDevices(ctx.db, adminA, { officeSlug: "amt-a", now: new Date() })).revoked).toHaveLength(1);
  });

  it("a device credential is good for its own office and kind only, and gives no staff access", async () => {
    const display = await createDevice(ctx.db, adminA, "amt-a", { kind: "DISPLAY", name: "Anzeige" }, new Date());
    const kiosk = await createDevice(ctx.db, adminA, "amt-a", { kind: "KIOSK", name: "Kiosk" }, new Date());
    const displayCredential = (await pairWith(display.code)).jar.value(DEVICE_COOKIES.DISPLAY)!;
    const kioskCredential = (await pairWith(kiosk.code)).jar.value(DEVICE_COOKIES.KIOSK)!;

    expect((await stateRequest("amt-a", { [DEVICE_COOKIES.DISPLAY]: displayCredential })).status).toBe(200);
    // Another office, the other kind (also when sent under the display's cookie name), no cookie, a forged one.
    expect((await stateRequest("amt-b", { [DEVICE_COOKIES.DISPLAY]: displayCredential })).status).toBe(403);
    expect((await stateRequest("amt-a", { [DEVICE_COOKIES.KIOSK]: kioskCredential })).status).toBe(403);
    expect((await stateRequest("amt-a", { [DEVICE_COOKIES.DISPLAY]: kioskCredential })).status).toBe(403);
    expect((await stateRequest("amt-a", {})).status).toBe(403);
    expect((await stateRequest("amt-a", { [DEVICE_COOKIES.DISPLAY]: "x".repeat(43) })).status).toBe(403);
    expect(await deviceByCredential(ctx.db, displayCredential, "KIOSK", officeA.id)).toBeNull();
    expect(await deviceByCredential(ctx.db, kioskCredential, "DISPLAY", officeA.id)).toBeNull();

    // Staff actions see no staff member behind a device cookie: the sign-in page.
    const jar = new CookieJar({ [DEVICE_COOKIES.DISPLAY]: displayCredential, [DEVICE_COOKIES.KIOSK]: kioskCredential });
    const asDevice = await inBrowser(jar, () => actionResult(createDeviceAction("amt-a", {}, formData({ kind: "KIOSK", name: "Eingeschleust" }))));
    expect(asDevice).toEqual({ redirect: "/staff/login" });
    expect(await ctx.db.device.count()).toBe(2);
  });

  it("the state: the day's last calls, newest first, numbers and counters only, limited to the display's counters", async () => {
    const t1 = await waitingTicket(ctx.db, officeA, serviceA, at(TODAY, "08:00"));
    const t2 = await waitingTicket(ctx.db, officeA, serviceA, at(TODAY, "08:01"), { locale: "tr" });
    const t3 = await waitingTicket(ctx.db, officeA, serviceA, at(TODAY, "08:02"));
    await callTicket(ctx.db, t1.id, platz1, at(TODAY, "08:10"));
    await callTicket(ctx.db, t2.id, platz2, at(TODAY, "08:11"));
    await callTicket(ctx.db, t1.id, platz1, at(TODAY, "08:12")); // called again: newest again
    const all = await createDevice(ctx.db, adminA, "amt-a", { kind: "DISPLAY", name: "Alle" }, new Date());
    const one = await createDevice(ctx.db, adminA, "amt-a", { kind: "DISPLAY", name: "Nur 2", counterIds: [platz2] }, new Date());
    const allCredential = (await pairWith(all.code)).jar.value(DEVICE_COOKIES.DISPLAY)!;
    const oneCredential = (await pairWith(one.code)).jar.value(DEVICE_COOKIES.DISPLAY)!;

    // The tickets' day is pinned; the route reads "today", so move the tickets there.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: officeA.timeZone }).format(new Date());
    await ctx.db.ticket.updateMany({ data: { date: today } });
    await ctx.db.queueDay.updateMany({ data: { date: today } });

    const res = await stateRequest("amt-a", { [DEVICE_COOKIES.DISPLAY]: allCredential });
    expect(res.headers.get("cache-control")).toBe("no-store");
    const state = (await res.json()) as { version: number; calls: Array<Record<string, unknown>> };
    expect(state.version).toBe(6);
    expect(state.calls.map((c) => [c.label, c.counter, c.callCount])).toEqual([
      ["W-001", "Platz 1", 2],
      ["W-002", "Platz 2", 1],
    ]);
    expect(state.calls[1]).toMatchObject({ spoken: "W 2", locale: "tr" });
    expect(Object.keys(state.calls[0]).sort()).toEqual(["callCount", "calledAt", "counter", "key", "label", "locale", "spoken"]);
    expect(state.calls.map((c) => c.label)).not.toContain("W-003");
    expect(t3.status).toBe("WAITING");

    const limited = (await (await stateRequest("amt-a", { [DEVICE_COOKIES.DISPLAY]: oneCredential })).json()) as { calls: Array<{ label: string }> };
    expect(limited.calls.map((c) => c.label)).toEqual(["W-002"]);

    // The office's staff may follow it too (the counter screen); another office's may not.
    signIn(clerkA);
    expect((await stateRequest("amt-a", {})).status).toBe(200);
    signIn(adminB);
    expect((await stateRequest("amt-a", {})).status).toBe(403);
  });
});
