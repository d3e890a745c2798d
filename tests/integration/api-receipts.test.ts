// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import { GET as verifyReceipt } from "@/app/api/v1/receipts/verification/route";
import { GET as viewWish } from "@/app/api/v1/wishes/[token]/route";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import enValidation from "@/lib/i18n/messages/en/validation.json";
import { overrideApiRuntime } from "@/lib/server/api/runtime";
import { fileExtensionRequest } from "@/lib/server/services/extension/file-extension-request";
import { getReceiptByWishToken } from "@/lib/server/services/extension/get-receipt";
import { APP_URL, callApi } from "../helpers/api";
import { describeEachDatabase, resetDatabase } from "../helpers/databases";
import { at, createOfficeFixture, person } from "../helpers/office-fixture";

// The public check of an extension receipt through the JSON API, the same check as the receipt's verification page:
// genuine or not, and then only the signed statement (and whether the request was withdrawn). Now is Monday 1 March
// 2027; the office files extension requests for a permit that expires before the next free appointment.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

const NOW = at("2027-03-01", "07:00");
const check = (code: string) => callApi(verifyReceipt, `/api/v1/receipts/verification?code=${encodeURIComponent(code)}`);

describeEachDatabase("API receipt verification", (ctx) => {
  let restore: () => void;
  let code: string;
  let token: string;

  beforeAll(() => {
    restore = overrideApiRuntime({ db: () => ctx.db, now: () => NOW, mailWritten: () => {} });
  });
  afterAll(() => restore());

  beforeEach(async () => {
    await resetDatabase(ctx.db);
    const { office, service } = await createOfficeFixture(ctx.db);
    await ctx.db.office.update({
      where: { id: office.id },
      data: { extensionRequestsEnabled: true, extensionReceiptNote: "Der Antrag gilt als gestellt." },
    });
    await ctx.db.service.update({ where: { id: service.id }, data: { asksPermitExpiry: true } });
    const filed = await fileExtensionRequest(ctx.db, {
      officeSlug: "testamt",
      serviceSlug: "beratung",
      persons: 1,
      person: { ...person(1), phone: "+49 170 5550000", permitExpiresOn: "2027-02-20" },
      locale: "de",
      now: NOW,
    });
    token = filed.token;
    code = (await getReceiptByWishToken(ctx.db, token))!.code;
  });

  it("confirms a genuine receipt with exactly its signed statement, and says when it was withdrawn", async () => {
    const answer = await check(code);
    expect(answer.status).toBe(200);
    const { statement } = (await getReceiptByWishToken(ctx.db, token))!;
    expect(answer.body).toEqual({ genuine: true, statement, withdrawn: false });
    expect(answer.body.statement).toMatchObject({ familyName: "Beispiel 1", permitExpiresOn: "2027-02-20", note: "Der Antrag gilt als gestellt." });
    // Nothing beyond the statement: not the e-mail address or phone number the wish holds, nor its manage token.
    expect(answer.text).not.toMatch(/@example\.org|5550000/);
    expect(answer.text).not.toContain(token);

    // As copied from a printout, with line breaks and spaces.
    const copied = await check(`${code.slice(0, 30)}\n ${code.slice(30)}`);
    expect(copied.body.genuine).toBe(true);

    await ctx.db.wish.updateMany({ data: { status: "WITHDRAWN" } });
    expect((await check(code)).body).toMatchObject({ genuine: true, withdrawn: true });
  });

  it("links the extension request's wish to its receipt", async () => {
    const wish = await callApi(viewWish, `/api/v1/wishes/${token}`);
    expect(wish.body).toMatchObject({ source: "EXTENSION", links: { manage: `${APP_URL}/warteliste/${token}`, receipt: `${APP_URL}/quittung/${token}` } });
    expect(wish.body.links.round).toBeUndefined();
  });

  it("says only 'not genuine' for altered, foreign or malformed codes", async () => {
    const [payload, signature] = code.split(".");
    const forgedPayload = Buffer.from(Buffer.from(payload, "base64url").toString("utf8").replace("Beispiel 1", "Beispiel 2")).toString(
      "base64url",
    );
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    for (const bad of [`${forgedPayload}.${signature}`, `${payload}.${flipped}`, payload, "abc.def", "x".repeat(5000), "<script>"]) {
      const answer = await check(bad);
      expect([answer.status, answer.body]).toEqual([200, { genuine: false }]);
    }
  });

  it("refuses a request without a code as malformed, in the request's language", async () => {
    const missing = await callApi(verifyReceipt, "/api/v1/receipts/verification?lang=en");
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({ code: "MALFORMED_REQUEST", message: enErrors.INVALID_INPUT, fields: { code: [enValidation.required] } });
    expect((await check("")).status).toBe(400);
  });
});
