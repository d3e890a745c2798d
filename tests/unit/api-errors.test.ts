import deErrors from "@/lib/i18n/messages/de/errors.json";
import deValidation from "@/lib/i18n/messages/de/validation.json";
import { MAX_BODY_BYTES, readJsonObject, unsafeTextFields } from "@/lib/server/api/body";
import { ApiError, ERROR_CODES, ERROR_STATUS, errorBody, errorResponse } from "@/lib/server/api/errors";
import { apiRoute } from "@/lib/server/api/handler";
import { negotiateLocale } from "@/lib/server/api/messages";
import { AppError } from "@/lib/server/errors";

// The request-level building blocks of the API: one error shape with texts from the message files, a capped JSON
// body reader, and a wrapper that never lets an exception through as a stack trace.

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://localhost/api/v1/bookings", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body streamed in chunks without Content-Length, as a chunked upload arrives. */
function streamed(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(4096, totalBytes - sent)).fill(0x20);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

describe("negotiateLocale", () => {
  it.each([
    [null, "de"],
    ["", "de"],
    ["de-DE,de;q=0.9", "de"],
    ["de-AT", "de"],
    ["en-GB,en;q=0.8", "en"],
    ["fr;q=0.9, DE;q=0.1", "fr"],
    ["pl,tr;q=0.5,de;q=0.4", "tr"],
    ["fa-AF", "fa"],
    ["pt-BR,pt", "de"],
    ["*", "de"],
    ["de;q=0", "de"],
    [";;;,,,q=abc", "de"],
  ])("%j -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("falls back to German for an overlong header", () => {
    expect(negotiateLocale(`${"x-y;q=0.5,".repeat(10_000)}de`)).toBe("de");
  });
});

describe("error bodies", () => {
  it("map every code to a status and a German text", () => {
    for (const code of ERROR_CODES) {
      const body = errorBody(new ApiError(code), "de");
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(5);
      expect(body.error.message).not.toBe(code);
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    }
    expect(errorBody(new ApiError("SLOT_TAKEN"), "de").error.message).toBe(deErrors.SLOT_TAKEN);
    expect(errorBody(new ApiError("PAYLOAD_TOO_LARGE"), "de").error.message).toBe(deErrors.PAYLOAD_TOO_LARGE);
  });

  it("translate field keys and leave out empty fields", () => {
    const body = errorBody(new ApiError("INVALID_INPUT", { email: ["invalidEmail"], _form: ["no-such-key"] }), "de");
    expect(body).toEqual({
      error: {
        code: "INVALID_INPUT",
        message: deErrors.INVALID_INPUT,
        fields: { email: [deValidation.invalidEmail], _form: [deValidation.invalid] },
      },
    });
    expect(errorBody(new ApiError("INVALID_INPUT", {}), "de").error).not.toHaveProperty("fields");
  });

  it("are sent as JSON that no cache keeps", async () => {
    const response = errorResponse(new ApiError("BOOKING_NOT_FOUND"), "de");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "BOOKING_NOT_FOUND", message: deErrors.BOOKING_NOT_FOUND } });
  });
});

describe("readJsonObject", () => {
  it("reads a JSON object", async () => {
    await expect(readJsonObject(post('{"a":1,"b":"ä😀"}'))).resolves.toEqual({ a: 1, b: "ä😀" });
    await expect(readJsonObject(post("{}", { "content-type": "application/json; charset=utf-8" }))).resolves.toEqual({});
    // Without a Content-Type (fetch adds text/plain to string bodies, not to bytes) the body is still read as JSON.
    await expect(readJsonObject(post(new TextEncoder().encode("{}"), {}))).resolves.toEqual({});
  });

  it.each([
    ["empty body", ""],
    ["malformed JSON", '{"a":'],
    ["an array", "[1,2]"],
    ["a string", '"x"'],
    ["null", "null"],
    ["a number", "42"],
    ["deep nesting", "[".repeat(8000) + "]".repeat(8000)],
  ])("answers 400 for %s", async (_name, body) => {
    expect((await rejection(readJsonObject(post(body)))).code).toBe("MALFORMED_REQUEST");
  });

  it("answers 400 for invalid UTF-8", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect((await rejection(readJsonObject(post(bytes)))).code).toBe("MALFORMED_REQUEST");
  });

  it("answers 415 for other media types", async () => {
    for (const type of ["text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect((await rejection(readJsonObject(post("{}", { "content-type": type })))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("answers 413 above the cap, by declared length and while streaming", async () => {
    const big = JSON.stringify({ remark: "x".repeat(MAX_BODY_BYTES) });
    expect((await rejection(readJsonObject(post(big)))).code).toBe("PAYLOAD_TOO_LARGE");
    const lying = post(big, { "content-type": "application/json", "content-length": "10" });
    expect((await rejection(readJsonObject(lying))).code).toBe("PAYLOAD_TOO_LARGE");
    expect((await rejection(readJsonObject(post(streamed(10 * MAX_BODY_BYTES))))).code).toBe("PAYLOAD_TOO_LARGE");
    await expect(readJsonObject(post(`{"a":"${"x".repeat(MAX_BODY_BYTES - 10)}"}`))).resolves.toHaveProperty("a");
  });
});

describe("unsafeTextFields", () => {
  it("names strings with control characters or lone surrogates, not other Unicode", () => {
    expect(
      unsafeTextFields({
        nul: "Max\u0000",
        bell: "\u0007",
        del: "a\u007fb",
        surrogate: "a\ud800b",
        emoji: "Ana 😀",
        rtl: "\u200fمريم\u200e",
        number: 1,
      }).sort(),
    ).toEqual(["bell", "del", "nul", "surrogate"]);
  });

  it("allows tabs and line breaks only in multi-line fields", () => {
    const body = { name: "Max\nMuster", tab: "a\tb", separator: "a\u2028b", remark: "line\nline\r\n\tend" };
    expect(unsafeTextFields(body, ["remark"]).sort()).toEqual(["name", "separator", "tab"]);
  });
});

describe("apiRoute", () => {
  const request = new Request("http://localhost/api/v1/x", { headers: { "accept-language": "de" } });

  it("turns service errors into their status", async () => {
    const route = apiRoute("test", async () => {
      throw new AppError("SLOT_TAKEN");
    });
    const response = await route(request);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "SLOT_TAKEN", message: deErrors.SLOT_TAKEN } });
  });

  it("answers unexpected errors with a generic 500 and logs no message or stack", async () => {
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const route = apiRoute("test", async () => {
      throw Object.assign(new Error("secret personal detail at /srv/app.js:12"), { code: "P2002" });
    });
    const response = await route(request);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: "UNEXPECTED", message: deErrors.UNEXPECTED } });
    expect(text).not.toMatch(/secret|\.js|at /);
    expect(JSON.stringify(log.mock.calls)).not.toMatch(/secret|app\.js/);
    log.mockRestore();
  });

  it("answers a database too busy for the request with 503 and Retry-After, nothing about the cause", async () => {
    const log = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    // What Prisma throws when no transaction could start while a burst queues for one office day's lock row.
    const busy = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    const route = apiRoute("test", async () => {
      throw busy;
    });
    const response = await route(request);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("2");
    expect(await response.json()).toEqual({ error: { code: "BUSY", message: deErrors.BUSY } });
    // A write conflict still failing after the last retry is the same for the caller.
    const conflict = apiRoute("test", async () => {
      throw Object.assign(new Error("Transaction failed due to a write conflict or a deadlock"), { code: "P2034" });
    });
    expect((await conflict(request)).status).toBe(503);
    log.mockRestore();
  });

  it("passes the awaited route parameters", async () => {
    const route = apiRoute<{ office: string }>("test", async (_req, { params, locale }) =>
      Response.json({ office: params.office, locale }),
    );
    const response = await route(request, { params: Promise.resolve({ office: "a" }) });
    expect(await response.json()).toEqual({ office: "a", locale: "de" });
  });
});
