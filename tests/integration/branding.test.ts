// The city's look on SQLite and PostgreSQL: who may change it, what the form's action stores and refuses (a colour
// without enough contrast, with the measured ratio; a hostile or broken logo; a logo without its text), and what the
// stylesheet and logo routes answer.
jest.mock("next/headers", () => require("../helpers/next-request-mocks").nextHeadersMock());
jest.mock("@/lib/server/auth/session", () => ({ currentStaff: jest.fn() }));
jest.mock("@/lib/server/db", () => require("../helpers/next-request-mocks").dbModuleMock());

import { PNG } from "pngjs";
import { brandingAction } from "@/app/(staff)/staff/(signed-in)/verwaltung/erscheinungsbild/actions";
import { GET as logoRoute } from "@/app/api/branding/logo/route";
import { GET as stylesheetRoute } from "@/app/branding.css/route";
import type { Actor } from "@/lib/server/auth/permissions";
import { readBranding, readBrandingLogo } from "@/lib/server/services/branding/read-branding";
import { saveBranding } from "@/lib/server/services/branding/save-branding";
import { codeOf } from "../helpers/app-error-code";
import { describeEachDatabase } from "../helpers/databases";
import { eachTestOnEmptyDatabase } from "../helpers/integration/database";
import { signIn } from "../helpers/integration/session";
import { staff } from "../helpers/integration/staff";
import { actionResult, formData } from "../helpers/next-request-mocks";
import { createOfficeFixture } from "../helpers/office-fixture";

const FIELDS = { cityName: "Stadt Musterstadt", siteTitle: "Bürgerservice online", primaryColor: "#7A1F3D", logoAlt: "Wappen", footerContact: "Rathausplatz 1\r\n12345 Musterstadt" };

const HOSTILE_SVG = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "xx">]><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10" fill="#7a1f3d"/><image href="http://evil.example/t.png"/></svg>`;

function png(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(120);
  return new Uint8Array(PNG.sync.write(image));
}

const file = (bytes: Uint8Array, name: string, type: string) => new File([bytes as Uint8Array<ArrayBuffer>], name, { type });

const post = (fields: Record<string, string | Blob>) => actionResult(brandingAction({}, formData(fields)));

describeEachDatabase("branding", (ctx) => {
  let clerk: Actor;
  let officeAdmin: Actor;
  let admin: Actor;

  eachTestOnEmptyDatabase(ctx, async (db) => {
    const office = (await createOfficeFixture(db, { slug: "amt-a" })).office.id;
    clerk = await staff(db, "CLERK", [office]);
    officeAdmin = await staff(db, "OFFICE_ADMIN", [office]);
    admin = await staff(db, "ADMIN", []);
  });

  it("without a saved branding the site keeps its neutral look: no row, an empty stylesheet, no logo", async () => {
    expect(await readBranding(ctx.db)).toBeNull();
    const css = await stylesheetRoute(new Request("http://localhost/branding.css"));
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).not.toContain("--color-brand");
    expect((await logoRoute(new Request("http://localhost/api/branding/logo"))).status).toBe(404);
  });

  it("only administrators change it; clerks and office admins are refused and nothing is written", async () => {
    for (const actor of [clerk, officeAdmin]) {
      expect(await codeOf(saveBranding(ctx.db, actor, { ...FIELDS, primaryColor: "#7a1f3d", removeLogo: false }))).toBe("FORBIDDEN");
      signIn(actor);
      expect(await post(FIELDS)).toEqual({ returned: expect.objectContaining({ formError: "FORBIDDEN" }) });
    }
    signIn(null);
    expect(await post(FIELDS)).toEqual({ redirect: "/staff/login" });
    expect(await ctx.db.branding.count()).toBe(0);
    expect(await ctx.db.auditLog.count()).toBe(0);
  });

  it("an administrator saves names, colour, footer and a PNG logo; the routes serve them by version", async () => {
    signIn(admin);
    const logo = png(120, 40);
    expect(await post({ ...FIELDS, logo: file(logo, "wappen.svg", "image/svg+xml") })).toEqual({
      redirect: "/staff/verwaltung/erscheinungsbild?gespeichert=1",
    });
    const branding = await readBranding(ctx.db);
    expect(branding).toEqual({
      cityName: "Stadt Musterstadt",
      siteTitle: "Bürgerservice online",
      primaryColor: "#7a1f3d",
      footerContact: "Rathausplatz 1\n12345 Musterstadt",
      // The type comes from the content, not from the file's name or the browser's claim.
      logo: { url: `/api/branding/logo?v=${branding!.version}`, alt: "Wappen", type: "image/png" },
      version: branding!.version,
    });
    const audit = await ctx.db.auditLog.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "branding.update", actorId: admin.id, officeId: null });
    expect(JSON.parse(audit[0].details!)).toEqual({
      changed: ["cityName", "siteTitle", "primaryColor", "footerContact", "logoAlt"],
      logo: "replaced",
      logoType: "image/png",
      logoBytes: logo.length,
      primaryColor: "#7a1f3d",
    });

    const css = await stylesheetRoute(new Request(`http://localhost/branding.css?v=${branding!.version}`));
    expect(await css.text()).toBe(":root{--color-brand:#7a1f3d;--color-brand-dark:#5c172e}\n");
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");

    const served = await logoRoute(new Request(`http://localhost${branding!.logo!.url}`));
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(logo);
    // An old version's address is revalidated, and a browser holding the current one gets 304.
    expect((await logoRoute(new Request("http://localhost/api/branding/logo?v=old"))).headers.get("cache-control")).toBe("no-cache");
    const etag = served.headers.get("etag")!;
    expect((await logoRoute(new Request("http://localhost/api/branding/logo", { headers: { "if-none-match": etag } }))).status).toBe(304);
  });

  it("refuses a colour below 4.5:1 with the measured ratio, and changes nothing", async () => {
    signIn(admin);
    const answer = await post({ ...FIELDS, primaryColor: "#777777" });
    expect(answer).toEqual({
      returned: expect.objectContaining({ fieldErrors: { primaryColor: ["contrastTooLow"] }, contrast: "4.47" }),
    });
    expect(await post({ ...FIELDS, primaryColor: "rot" })).toEqual({
      returned: expect.objectContaining({ fieldErrors: { primaryColor: ["colourFormat"] } }),
    });
    // The service checks the rule itself too, whoever calls it.
    expect(await codeOf(saveBranding(ctx.db, admin, { ...FIELDS, primaryColor: "#ffdd00", removeLogo: false }))).toBe("INVALID_INPUT");
    expect(await ctx.db.branding.count()).toBe(0);
    expect(await ctx.db.auditLog.count()).toBe(0);
  });

  it("stores an SVG only sanitised, and serves it with a policy that runs nothing", async () => {
    signIn(admin);
    expect(await post({ ...FIELDS, logo: file(new TextEncoder().encode(HOSTILE_SVG), "logo.svg", "image/svg+xml") })).toMatchObject({
      redirect: expect.any(String),
    });
    const stored = await readBrandingLogo(ctx.db);
    const svg = new TextDecoder().decode(stored!.bytes);
    expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#7a1f3d"/></svg>');
    const served = await logoRoute(new Request("http://localhost/api/branding/logo"));
    expect(served.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(served.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    // For e-mail clients, which do not show SVG: the same logo as a PNG.
    const asPng = await logoRoute(new Request("http://localhost/api/branding/logo?format=png"));
    expect(asPng.headers.get("content-type")).toBe("image/png");
    expect(PNG.sync.read(Buffer.from(await asPng.arrayBuffer())).height).toBe(96);
  });

  it("refuses a broken or unsuitable logo and a logo without its text, keeping what was stored", async () => {
    signIn(admin);
    await post({ ...FIELDS, logo: file(png(100, 40), "a.png", "image/png") });
    const before = await ctx.db.branding.findUniqueOrThrow({ where: { id: "site" } });
    const refusals: Array<[Uint8Array, string]> = [
      [png(100, 40).subarray(0, 60), "logoInvalid"],
      [png(4000, 16), "logoDimensions"],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "logoType"],
      [new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "svgEmpty"],
      [new Uint8Array(200 * 1024 + 1).fill(0x20), "logoTooLarge"],
    ];
    for (const [bytes, reason] of refusals) {
      expect([reason, await post({ ...FIELDS, logo: file(bytes, "x", "image/png") })]).toEqual([
        reason,
        { returned: expect.objectContaining({ fieldErrors: { logo: [reason] } }) },
      ]);
    }
    expect(await post({ ...FIELDS, logoAlt: "" })).toEqual({ returned: expect.objectContaining({ fieldErrors: { logoAlt: ["logoAltRequired"] } }) });
    expect(await ctx.db.branding.findUniqueOrThrow({ where: { id: "site" } })).toEqual(before);
    expect(await ctx.db.auditLog.count()).toBe(1);
  });

  it("removing the logo and emptying the fields returns to the neutral default", async () => {
    signIn(admin);
    await post({ ...FIELDS, logo: file(png(100, 40), "a.png", "image/png") });
    expect(await post({ cityName: "", siteTitle: "", primaryColor: "", logoAlt: "", footerContact: "", removeLogo: "true" })).toMatchObject({
      redirect: expect.any(String),
    });
    const branding = await readBranding(ctx.db);
    expect(branding).toMatchObject({ cityName: null, siteTitle: null, primaryColor: null, footerContact: null, logo: null });
    expect(await readBrandingLogo(ctx.db)).toBeNull();
    expect(await (await stylesheetRoute(new Request("http://localhost/branding.css"))).text()).not.toContain("--color-brand");
    const last = await ctx.db.auditLog.findFirstOrThrow({ where: { details: { contains: "removed" } } });
    expect(JSON.parse(last.details!)).toMatchObject({ logo: "removed" });
  });
});
