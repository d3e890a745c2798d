import jsQR from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { GET as health } from "@/app/api/health/route";
import { GET as officeQr } from "@/app/api/qr/[office]/route";
import { GET as serviceQr } from "@/app/api/qr/[office]/[service]/route";
import { GET as listSlots } from "@/app/api/v1/offices/[office]/services/[service]/slots/route";
import { GET as listServices } from "@/app/api/v1/offices/[office]/services/route";
import { GET as listOffices } from "@/app/api/v1/offices/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { localDateOf } from "@/lib/domain";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { createDb } from "@/lib/server/db/client";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import { APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { at, createOfficeFixture } from "../helpers/office-fixture";

// The read-only API: offices, services and free slots from the same services as the wizard, QR codes of the deep
// links, the health check and the OpenAPI document. Handlers run against the test database through the API
// runtime, with the clock pinned to Monday 4 March 2030, 07:00 in Berlin. Every answer is checked against the
// OpenAPI document.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const MONDAY = "2030-03-04";
const NOW = at(MONDAY, "07:00");

function expectError(result: { status: number; body: unknown }, status: number, code: string) {
  expect(result.status).toBe(status);
  expect(result.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
}

describeEachDatabase("API catalogue", (ctx) => {
  let restore: () => void;

  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => undefined });
  });
  afterAll(() => restore());

  beforeEach(async () => {
    await resetDatabase(ctx.db);
    // Given the foreigners' office, open Mondays 08:00-12:00 with one clerk, and a citizens' office ...
    const abh = await createOfficeFixture(ctx.db, {
      slug: "auslaenderbehoerde",
      blocks: [[1, "08:00", "12:00", 1]],
      services: [
        { slug: "aufenthaltstitel", durationMinutes: 30, extraPersonMinutes: 15, maxPersons: 3 },
        { slug: "einbuergerung", durationMinutes: 60 },
      ],
    });
    await ctx.db.service.update({ where: { id: abh.services[1].id }, data: { active: false } });
    // The residence permit's entry in the city's catalogue knows its federal LeiKa key.
    await ctx.db.catalogueService.update({ where: { slug: "aufenthaltstitel" }, data: { leikaKey: "99010003001000" } });
    await createOfficeFixture(ctx.db, { slug: "buergeramt", services: [{ slug: "personalausweis", durationMinutes: 15 }] });
    // ... and a closed office that must not show anywhere.
    const closed = await createOfficeFixture(ctx.db, { slug: "standesamt" });
    await ctx.db.office.update({ where: { id: closed.office.id }, data: { active: false } });
  });

  describe("GET /api/v1/offices", () => {
    it("lists active offices with address, active services, documents and deep links", async () => {
      const { status, body, response } = await callApi(listOffices, "/api/v1/offices");
      expect(status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=60");
      expect(body.offices.map((o: { slug: string }) => o.slug).sort()).toEqual(["auslaenderbehoerde", "buergeramt"]);
      const abh = body.offices.find((o: { slug: string }) => o.slug === "auslaenderbehoerde");
      expect(abh).toMatchObject({
        name: "Amt auslaenderbehoerde",
        authority: "Stadt Teststadt",
        address: { street: "Rathausplatz 1", postalCode: "12345", locality: "Teststadt", room: null },
        timeZone: "Europe/Berlin",
        links: {
          booking: `${APP_URL}/auslaenderbehoerde`,
          qrPng: `${APP_URL}/api/qr/auslaenderbehoerde?format=png`,
          qrSvg: `${APP_URL}/api/qr/auslaenderbehoerde?format=svg`,
        },
      });
      expect(abh.services).toEqual([
        {
          slug: "aufenthaltstitel",
          catalogueSlug: "aufenthaltstitel",
          leikaKey: "99010003001000",
          name: "Leistung aufenthaltstitel",
          description: null,
          durationMinutes: 30,
          extraPersonMinutes: 15,
          maxPersons: 3,
          documents: ["Reisepass", "Foto"],
          walkInDayParts: [],
          appointmentKinds: ["IN_PERSON"],
          links: {
            booking: `${APP_URL}/auslaenderbehoerde/aufenthaltstitel`,
            qrPng: `${APP_URL}/api/qr/auslaenderbehoerde/aufenthaltstitel?format=png`,
            qrSvg: `${APP_URL}/api/qr/auslaenderbehoerde/aufenthaltstitel?format=svg`,
            slots: `${APP_URL}/api/v1/offices/auslaenderbehoerde/services/aufenthaltstitel/slots`,
          },
        },
      ]);
    });
  });

  describe("GET /api/v1/offices/{office}/services", () => {
    it("lists the active services of one office", async () => {
      const { status, body } = await callApi(listServices, "/api/v1/offices/buergeramt/services");
      expect(status).toBe(200);
      expect(body.office).toBe("buergeramt");
      expect(body.services.map((s: { slug: string }) => s.slug)).toEqual(["personalausweis"]);
    });

    it("says in which parts of the day a service is also served without an appointment", async () => {
      await ctx.db.service.updateMany({ where: { slug: "personalausweis" }, data: { walkInDayParts: "AFTERNOON,MORNING" } });
      const { body } = await callApi(listServices, "/api/v1/offices/buergeramt/services");
      expect(body.services[0].walkInDayParts).toEqual(["MORNING", "AFTERNOON"]);
    });

    it("gives the office's translation of each field in the asked language, German where it has none", async () => {
      const service = await ctx.db.service.findFirstOrThrow({ where: { slug: "personalausweis" } });
      await ctx.db.catalogueService.update({
        where: { id: service.catalogueServiceId },
        data: { description: "Beantragung", documents: "Foto\nAlter Ausweis" },
      });
      await ctx.db.serviceTranslation.create({
        data: { catalogueServiceId: service.catalogueServiceId, locale: "en", name: "Identity card", description: null, documents: "Photo\nOld identity card" },
      });
      const english = await callApi(listServices, "/api/v1/offices/buergeramt/services?lang=en");
      expect(english.response.headers.get("vary")).toBe("Accept-Language");
      expect(english.body.services[0]).toMatchObject({
        name: "Identity card",
        description: "Beantragung",
        documents: ["Photo", "Old identity card"],
        links: { booking: `${APP_URL}/en/buergeramt/personalausweis` },
      });
      const french = await callApi(listServices, "/api/v1/offices/buergeramt/services?lang=fr");
      expect(french.body.services[0]).toMatchObject({
        description: "Beantragung",
        documents: ["Foto", "Alter Ausweis"],
        links: { booking: `${APP_URL}/fr/buergeramt/personalausweis` },
      });
      const german = await callApi(listServices, "/api/v1/offices/buergeramt/services");
      expect(german.body.services[0].links.booking).toBe(`${APP_URL}/buergeramt/personalausweis`);
    });

    it.each(["standesamt", "gibt-es-nicht", "Ä-amt", "a".repeat(200), "x' OR '1'='1"])("404 for office %j", async (office) => {
      expectError(await callApi(listServices, `/api/v1/offices/${encodeURIComponent(office)}/services`), 404, "OFFICE_NOT_FOUND");
    });
  });

  describe("GET /api/v1/offices/{office}/services/{service}/slots", () => {
    const path = "/api/v1/offices/auslaenderbehoerde/services/aufenthaltstitel/slots";
    const berlinTimes = (slots: { start: string }[]) =>
      slots.map((s) => new Date(s.start).toLocaleTimeString("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit" }));

    it("lists two weeks from today by default, in UTC, with no caching", async () => {
      const { status, body, response } = await callApi(listSlots, path);
      expect(status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(body).toMatchObject({ office: "auslaenderbehoerde", service: "aufenthaltstitel", timeZone: "Europe/Berlin", persons: 1 });
      expect([body.from, body.to]).toEqual([MONDAY, "2030-03-17"]);
      expect(body).not.toHaveProperty("nextFree");
      // Mondays 4 and 11 March, 08:00-12:00 in 30-minute steps; the first at 08:00 since notice is one hour.
      expect(body.slots).toHaveLength(16);
      expect(body.slots[0]).toEqual({ start: "2030-03-04T07:00:00.000Z", end: "2030-03-04T07:30:00.000Z" });
      expect(new Set(body.slots.map((s: { start: string }) => localDateOf(new Date(s.start), "Europe/Berlin")))).toEqual(
        new Set([MONDAY, "2030-03-11"]),
      );
    });

    it("scales the duration with persons and offers the next free slot on request", async () => {
      const { body } = await callApi(listSlots, `${path}?from=2030-03-11&to=2030-03-11&persons=3&next=1`);
      expect(body.persons).toBe(3);
      expect(berlinTimes(body.slots)).toEqual(["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"]);
      expect(new Date(body.slots[0].end).getTime() - new Date(body.slots[0].start).getTime()).toBe(60 * 60_000);
      expect(body.nextFree).toEqual(body.slots[0]);
    });

    it("clamps the range to today and to the booking horizon", async () => {
      const { body } = await callApi(listSlots, `${path}?from=2029-01-01&to=2031-12-31`);
      expect([body.from, body.to]).toEqual([MONDAY, "2030-04-03"]);
      const far = await callApi(listSlots, `${path}?from=9999-12-31&next=true`);
      expect(far.status).toBe(200);
      expect(far.body.slots).toEqual([]);
      expect(far.body.nextFree).toBeNull();
      // Wholly beyond the horizon: an empty range, never one that ends before it starts.
      expect([far.body.from, far.body.to]).toEqual(["9999-12-31", "9999-12-31"]);
      const afterHorizon = await callApi(listSlots, `${path}?from=2030-04-08&to=2030-04-10`);
      expect([afterHorizon.body.from, afterHorizon.body.to, afterHorizon.body.slots]).toEqual(["2030-04-08", "2030-04-08", []]);
    });

    it.each([
      ["from=gestern", "from"],
      ["from=2030-02-30", "from"],
      ["to=2030-3-4", "to"],
      ["from=2030-03-10&to=2030-03-09", "to"],
      ["persons=0", "persons"],
      ["persons=4", "persons"],
      ["persons=-1", "persons"],
      ["persons=1.5", "persons"],
      ["persons=99999999999999999999", "persons"],
      ["next=ja", "next"],
    ])("400 with field errors for ?%s", async (query, field) => {
      const result = await callApi(listSlots, `${path}?${query}`);
      expectError(result, 400, "MALFORMED_REQUEST");
      expect(Object.keys(result.body.error.fields)).toEqual([field]);
      // A query has no JSON body to fix: the text asks to check the input, the fields say which.
      expect(result.body.error.message).toBe(deErrors.INVALID_INPUT);
    });

    it.each([
      [{ office: "auslaenderbehoerde", service: "personalausweis" }, "SERVICE_NOT_FOUND"],
      [{ office: "auslaenderbehoerde", service: "einbuergerung" }, "SERVICE_NOT_FOUND"],
      [{ office: "standesamt", service: "beratung" }, "OFFICE_NOT_FOUND"],
      [{ office: "nirgendwo", service: "aufenthaltstitel" }, "OFFICE_NOT_FOUND"],
    ])("404 for %j", async (p, code) => {
      expectError(await callApi(listSlots, `/api/v1/offices/${p.office}/services/${p.service}/slots`), 404, code);
    });
  });

  describe("GET /api/qr/...", () => {
    it("encodes the office's deep link as a 1024-pixel PNG download", async () => {
      const { response } = await callApi(officeQr, "/api/qr/auslaenderbehoerde");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="qr-auslaenderbehoerde.png"');
      expect(response.headers.get("cache-control")).toMatch(/^public/);
      const png = Buffer.from(await response.arrayBuffer());
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      // IHDR: 1024 x 1024 pixels, black and white (1-bit greyscale); it scans back to the deep link.
      expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([1024, 1024, 1, 0]);
      const image = PNG.sync.read(png);
      expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(`${APP_URL}/auslaenderbehoerde`);
      // The same code as SVG, compared module by module below, shows what it encodes.
      const svg = await callApi(officeQr, "/api/qr/auslaenderbehoerde?format=svg");
      expect(svg.response.headers.get("content-disposition")).toBe('attachment; filename="qr-auslaenderbehoerde.svg"');
      const expected = await QRCode.toString(`${APP_URL}/auslaenderbehoerde`, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
      expect(svg.text).toBe(expected);
    });

    it("encodes a service's deep link as SVG", async () => {
      const { response, text } = await callApi(serviceQr, "/api/qr/auslaenderbehoerde/aufenthaltstitel?format=svg");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(
        'attachment; filename="qr-auslaenderbehoerde-aufenthaltstitel.svg"',
      );
      const expected = await QRCode.toString(`${APP_URL}/auslaenderbehoerde/aufenthaltstitel`, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 4,
      });
      expect(text).toBe(expected);
    });

    it("answers 404 for unknown or inactive offices and services, 400 for an unknown format", async () => {
      expectError(await callApi(officeQr, "/api/qr/standesamt"), 404, "OFFICE_NOT_FOUND");
      expectError(
        await callApi(serviceQr, "/api/qr/auslaenderbehoerde/einbuergerung"),
        404,
        "SERVICE_NOT_FOUND",
      );
      expectError(
        await callApi(serviceQr, "/api/qr/auslaenderbehoerde/personalausweis"),
        404,
        "SERVICE_NOT_FOUND",
      );
      expectError(await callApi(officeQr, "/api/qr/buergeramt?format=gif"), 400, "MALFORMED_REQUEST");
    });
  });

  describe("GET /api/health", () => {
    it("answers ok after a query", async () => {
      const { status, body } = await callApi(health, "/api/health");
      expect([status, body]).toEqual([200, { status: "ok", database: "ok" }]);
    });

    it("answers 503 without details when the database is unreachable", async () => {
      const unreachable = createDb("postgresql://nobody@127.0.0.1:1/none");
      const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
      const back = overrideApiRuntime({ db: () => unreachable });
      try {
        const { status, body } = await callApi(health, "/api/health");
        expect([status, body]).toEqual([503, { status: "error", database: "error" }]);
      } finally {
        back();
        log.mockRestore();
        await unreachable.$disconnect();
      }
    });
  });

  describe("GET /api/v1/openapi.json", () => {
    it("serves the OpenAPI document for this server", async () => {
      const { status, body } = await callApi(openApi, "/api/v1/openapi.json");
      expect(status).toBe(200);
      expect(body.openapi).toBe("3.1.0");
      expect(body.servers).toEqual([{ url: APP_URL }]);
      expect(Object.keys(body.paths)).toContain("/api/v1/bookings");
    });
  });
});
