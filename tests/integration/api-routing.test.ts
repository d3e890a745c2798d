// Jest loads @react-email/render's CommonJS build, whose native `import("react-dom/server")` it cannot run.
jest.mock("@react-email/render", () =>
  jest.requireActual("../../node_modules/@react-email/render/dist/node/index.mjs"),
);

import * as unknownPath from "@/app/api/v1/[[...path]]/route";
import * as calendar from "@/app/api/v1/bookings/[token]/calendar.ics/route";
import * as bookingOfferAcceptance from "@/app/api/v1/bookings/[token]/offer/acceptance/route";
import * as bookingOfferRefusal from "@/app/api/v1/bookings/[token]/offer/refusal/route";
import * as booking from "@/app/api/v1/bookings/[token]/route";
import * as bookings from "@/app/api/v1/bookings/route";
import * as serviceRounds from "@/app/api/v1/offices/[office]/services/[service]/rounds/route";
import * as slots from "@/app/api/v1/offices/[office]/services/[service]/slots/route";
import * as receiptCheck from "@/app/api/v1/receipts/verification/route";
import * as roundRequests from "@/app/api/v1/rounds/[id]/requests/route";
import * as round from "@/app/api/v1/rounds/[id]/route";
import * as services from "@/app/api/v1/offices/[office]/services/route";
import * as offices from "@/app/api/v1/offices/route";
import * as openApi from "@/app/api/v1/openapi.json/route";
import * as wishConfirmation from "@/app/api/v1/wishes/[token]/confirmation/route";
import * as offerAcceptance from "@/app/api/v1/wishes/[token]/offer/acceptance/route";
import * as offerRefusal from "@/app/api/v1/wishes/[token]/offer/refusal/route";
import * as wish from "@/app/api/v1/wishes/[token]/route";
import * as wishes from "@/app/api/v1/wishes/route";
import deErrors from "@/lib/i18n/messages/de/errors.json";
import enErrors from "@/lib/i18n/messages/en/errors.json";
import { APP_URL, callApi } from "../helpers/api";

// Paths and methods the API does not have answer in its one error shape, as the document says, where Next.js alone
// would answer an HTML page or an empty body: 404 NOT_FOUND for an unknown path under /api/v1, 405
// METHOD_NOT_ALLOWED with an Allow header for a method a path does not offer. None of them reads the database.

process.env.APP_URL = APP_URL;
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

type Handler = (request: Request) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS", Handler>>;

const TOKEN = "q5N3xYb0lB1w8kzS2m9Qf4VtR7cUeHjA6pLdGoWiZyE";

// [path, route module, the methods it offers]
const ROUTES: Array<[string, RouteModule, string[]]> = [
  ["/api/v1/offices", offices, ["GET"]],
  ["/api/v1/offices/testamt/services", services, ["GET"]],
  ["/api/v1/offices/testamt/services/beratung/slots", slots, ["GET"]],
  ["/api/v1/bookings", bookings, ["POST"]],
  [`/api/v1/bookings/${TOKEN}`, booking, ["GET", "DELETE"]],
  [`/api/v1/bookings/${TOKEN}/calendar.ics`, calendar, ["GET"]],
  [`/api/v1/bookings/${TOKEN}/offer/acceptance`, bookingOfferAcceptance, ["POST"]],
  [`/api/v1/bookings/${TOKEN}/offer/refusal`, bookingOfferRefusal, ["POST"]],
  ["/api/v1/openapi.json", openApi, ["GET"]],
  ["/api/v1/offices/testamt/services/beratung/rounds", serviceRounds, ["GET"]],
  ["/api/v1/rounds/cm4x2k9z10000abcd1234efgh", round, ["GET"]],
  ["/api/v1/rounds/cm4x2k9z10000abcd1234efgh/requests", roundRequests, ["POST"]],
  ["/api/v1/receipts/verification", receiptCheck, ["GET"]],
  ["/api/v1/wishes", wishes, ["POST"]],
  [`/api/v1/wishes/${TOKEN}`, wish, ["GET", "PATCH", "DELETE"]],
  [`/api/v1/wishes/${TOKEN}/confirmation`, wishConfirmation, ["POST"]],
  [`/api/v1/wishes/${TOKEN}/offer/acceptance`, offerAcceptance, ["POST"]],
  [`/api/v1/wishes/${TOKEN}/offer/refusal`, offerRefusal, ["POST"]],
];

describe("paths and methods the API does not have", () => {
  it.each(["/api/v1", "/api/v1/termine", "/api/v1/offices/testamt", "/api/v1/offices/testamt/services/beratung/slots/2030"])(
    "%s answers 404 NOT_FOUND in every method",
    async (path) => {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
        const answer = await callApi(unknownPath[method], path, { method, params: { path: path.split("/").slice(3).join("/") } });
        expect([method, answer.status, answer.body]).toEqual([
          method,
          404,
          { error: { code: "NOT_FOUND", message: deErrors.NOT_FOUND } },
        ]);
        expect(answer.response.headers.get("cache-control")).toBe("no-store");
      }
    },
  );

  it.each(ROUTES)("%s answers 405 with Allow for the methods it does not offer", async (path, route, offered) => {
    const refused = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !offered.includes(m));
    const allow = [...offered, ...(offered.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
    for (const method of refused) {
      const handler = route[method as keyof RouteModule];
      if (!handler) throw new Error(`${path} exports no ${method} handler`);
      const answer = await callApi(handler, `${path}?lang=en`, { method });
      expect([method, answer.status, answer.body]).toEqual([
        method,
        405,
        { error: { code: "METHOD_NOT_ALLOWED", message: enErrors.METHOD_NOT_ALLOWED } },
      ]);
      expect(answer.response.headers.get("allow")).toBe(allow);
    }
    const options = await route.OPTIONS!(new Request(`${APP_URL}${path}`, { method: "OPTIONS" }));
    expect([options.status, options.headers.get("allow"), await options.text()]).toEqual([204, allow, ""]);
  });
});
