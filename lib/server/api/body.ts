import "server-only";
import { ApiError } from "./errors";

/** Largest request body the API reads; a booking is well under 2 kB. */
export const MAX_BODY_BYTES = 16 * 1024;

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

/**
 * The request body as a JSON object. Refuses other media types (a plain HTML form cannot post JSON, so the API is
 * not reachable by cross-site form posts), bodies over `maxBytes` (counted while reading, whatever Content-Length
 * claims), invalid UTF-8, malformed JSON and anything but an object.
 */
export async function readJsonObject(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type");
  if (type !== null && !JSON_TYPE.test(type.trim())) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new ApiError("PAYLOAD_TOO_LARGE");

  const bytes = await readCapped(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError("MALFORMED_REQUEST");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new ApiError("MALFORMED_REQUEST");
  return value as Record<string, unknown>;
}

async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ApiError("PAYLOAD_TOO_LARGE");
      }
      chunks.push(value);
    }
  } catch (e) {
    // A body that breaks off mid-stream is the client's problem, not a server error.
    throw e instanceof ApiError ? e : new ApiError("MALFORMED_REQUEST");
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

// C0 control characters other than tab and line breaks, and DEL. PostgreSQL rejects NUL in text outright.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAKS_AND_TABS = /[\t\n\r\u2028\u2029]/;

/**
 * Top-level string fields that no schema should see: control characters (NUL cannot even be stored), lone UTF-16
 * surrogates (JSON can carry "\ud800", UTF-8 cannot), and tabs or line breaks outside the `multiline` fields.
 */
export function unsafeTextFields(body: Record<string, unknown>, multiline: readonly string[] = []): string[] {
  return Object.entries(body)
    .filter(
      ([k, v]) =>
        typeof v === "string" &&
        (CONTROL_CHARACTERS.test(v) || !v.isWellFormed() || (!multiline.includes(k) && LINE_BREAKS_AND_TABS.test(v))),
    )
    .map(([k]) => k);
}
