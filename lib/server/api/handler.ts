import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import { BUSY_RETRY_AFTER_SECONDS, isBusyError } from "@/lib/server/db/transaction";
import { isAppError, isFieldError } from "@/lib/server/errors";
import { ApiError, errorResponse } from "./errors";
import { requestLocale } from "./messages";

export interface ApiRequestContext<P> {
  params: P;
  /** The caller's language for texts (the `lang` query parameter, else Accept-Language, else German). */
  locale: Locale;
}

/**
 * Wraps a route handler so that every failure becomes the one error shape: ApiError as it is, the service layer's
 * AppError by its code, a database too busy for the request 503 with Retry-After, anything else a generic 500 that
 * is logged by route and error type only (an error's message may quote personal data, and the path may hold a
 * manage token).
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  route: string,
  handler: (request: Request, context: ApiRequestContext<P>) => Promise<Response>,
) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    const locale = requestLocale(request);
    try {
      const params = ((await context?.params) ?? {}) as P;
      return await handler(request, { params, locale });
    } catch (e) {
      return errorResponse(toApiError(e, route, request.method), locale);
    }
  };
}

function toApiError(e: unknown, route: string, method: string): ApiError {
  if (e instanceof ApiError) return e;
  // A field only the database could judge (e.g. the date moved on between the route's check and the service's).
  if (isFieldError(e)) return new ApiError(e.code, { [e.field]: [e.reason] });
  if (isAppError(e)) return new ApiError(e.code);
  if (isBusyError(e)) {
    console.warn(`api ${method} ${route}: database busy`);
    return new ApiError("BUSY", undefined, BUSY_RETRY_AFTER_SECONDS);
  }
  const name = e instanceof Error ? e.name : typeof e;
  const code = typeof (e as { code?: unknown })?.code === "string" ? (e as { code: string }).code : undefined;
  console.error(`api ${method} ${route}: unexpected error`, code ? { name, code } : { name });
  return new ApiError("UNEXPECTED");
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
type Handler = (request: Request) => Promise<Response>;

/**
 * Handlers for the methods a path does not offer: 405 in the one error shape with an `Allow` header, where Next.js
 * would answer an empty body. OPTIONS answers 204 with the same `Allow`.
 */
export function otherMethods<A extends Exclude<Method, "OPTIONS">>(...offered: A[]): Record<Exclude<Method, A>, Handler> {
  const offers = new Set<string>(offered);
  const allow = [...offered, ...(offers.has("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse: Handler = async (request) =>
    errorResponse(new ApiError("METHOD_NOT_ALLOWED"), requestLocale(request), { Allow: allow });
  const handlers = Object.fromEntries(METHODS.filter((m) => !offers.has(m)).map((m) => [m, refuse]));
  handlers.OPTIONS = async () => new Response(null, { status: 204, headers: { Allow: allow } });
  return handlers as Record<Exclude<Method, A>, Handler>;
}

/** Every method of a path the API does not have: 404 in the one error shape, never Next.js's HTML page. */
export function unknownPath(): Record<Method, Handler> {
  const answer: Handler = async (request) => errorResponse(new ApiError("NOT_FOUND"), requestLocale(request));
  return Object.fromEntries(METHODS.map((m) => [m, answer])) as Record<Method, Handler>;
}
