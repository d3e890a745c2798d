import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { personalDataSchema } from "@/lib/schemas/booking";
import { ERROR_CODES, ERROR_STATUS } from "@/lib/server/api/errors";
import { openApiDocument } from "@/lib/server/api/openapi";

// The OpenAPI document is generated from the routes' schemas; these checks keep its paths in step with the route
// handlers that exist, and its request rules in step with the forms'.

const API_DIR = path.join(__dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * Every route handler under app/api as "METHOD /api/path/{param}". Handlers that only refuse (405 for a method a path
 * does not offer, 404 for the catch-all of unknown paths) are exported by destructuring and are not operations.
 */
function routeOperations(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith("[[...")) walk(full);
      }
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const route = `/api/${path.relative(API_DIR, dir).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
        for (const method of METHODS) {
          if (new RegExp(`export (const ${method}\\b|async function ${method}\\b)`).test(source)) out.push(`${method} ${route}`);
        }
      }
    }
  };
  walk(API_DIR);
  return out.sort();
}

interface Doc {
  openapi: string;
  servers: unknown;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { $ref?: string }> }>>;
  components: {
    responses: Record<string, { content: { "application/json": { examples: Record<string, unknown> } } }>;
    schemas: Record<string, { properties: Record<string, object> }>;
  };
}

const doc = openApiDocument("https://termine.example.org") as unknown as Doc;

function documentedOperations(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([route, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${route}`))
    .sort();
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refsIn(v)));
  }
  return [];
}

describe("the OpenAPI document", () => {
  it("describes exactly the route handlers under app/api", () => {
    expect(routeOperations().length).toBeGreaterThanOrEqual(10);
    expect(documentedOperations()).toEqual(routeOperations());
  });

  it("is OpenAPI 3.1 with resolvable references and unique operation ids", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://termine.example.org" }]);
    for (const ref of refsIn(doc)) {
      const [, kind, name] = /^#\/components\/(schemas|responses)\/(\w+)$/.exec(ref) ?? [];
      expect(kind).toBeDefined();
      expect((doc.components as Record<string, Record<string, unknown>>)[kind][name]).toBeDefined();
    }
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents every error code under the status the API answers it with", () => {
    const documented = new Map<string, string>();
    for (const op of Object.values(doc.paths).flatMap((ops) => Object.values(ops))) {
      for (const [status, res] of Object.entries(op.responses)) {
        const name = res.$ref?.split("/").pop();
        const examples = name ? doc.components.responses[name].content["application/json"].examples : {};
        for (const code of Object.keys(examples)) documented.set(code, status);
      }
    }
    // A 405 answers a method that no operation of its path has, so no operation lists it.
    for (const code of Object.keys(doc.components.responses.MethodNotAllowed.content["application/json"].examples)) {
      documented.set(code, "405");
    }
    for (const code of ERROR_CODES) expect([code, documented.get(code)]).toEqual([code, String(ERROR_STATUS[code])]);
  });

  it("gives real German texts in its error examples", () => {
    const notFound = doc.components.responses.NotFound.content["application/json"].examples as Record<
      string,
      { value: { error: { message: string } } }
    >;
    expect(notFound.BOOKING_NOT_FOUND.value.error.message).toMatch(/Link ist ungültig/);
  });

  it("gives the booking form's rules for names and phone numbers", () => {
    const ajv = new Ajv2020({ strict: false });
    const documented = doc.components.schemas.BookingRequest.properties;
    const form = personalDataSchema({ maxPersons: 1, today: "2030-03-04" }).shape;
    const cases: Array<["givenName" | "familyName" | "phone", string]> = [
      ["givenName", "Amira"],
      ["givenName", "St. John"],
      ["givenName", "Nguyễn, Thị"],
      ["givenName", "\u200fمريم"],
      ["givenName", "Amira2"],
      ["familyName", "O\u2019Brien-Haddad"],
      ["familyName", "<b>"],
      ["familyName", "Zoe\u0308"],
      ["phone", "06331 123456"],
      ["phone", "+49 (30) 123/45-67"],
      ["phone", "030 12a"],
      ["phone", "12345"],
    ];
    // The phone number's five digits are a refinement, which the document gives in words; these cases keep clear of it.
    for (const [field, value] of cases) {
      const byDocument = ajv.validate(documented[field], value);
      expect([field, value, byDocument]).toEqual([field, value, form[field].safeParse(value).success]);
    }
  });
});
