import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import { isAppError } from "@/lib/server/errors";
import { ApiError, errorResponse } from "./errors";
import { requestLocale } from "./messages";

export interface ApiRequestContext<P> {
  params: P;
  /** The caller's language for texts (the `lang` query parameter, else Accept-Language, else German). */
  locale: Locale;
}

/**
 * Wraps a route handler so that every failure becomes the one error shape: ApiError as it is, the service layer's
 * AppError by its code, anything else a generic 500 that is logged by route and error type only (an error's message
 * may quote personal data, and the path may hold a manage token).
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
  if (isAppError(e)) return new ApiError(e.code);
  const name = e instanceof Error ? e.name : typeof e;
  const code = typeof (e as { code?: unknown })?.code === "string" ? (e as { code: string }).code : undefined;
  console.error(`api ${method} ${route}: unexpected error`, code ? { name, code } : { name });
  return new ApiError("UNEXPECTED");
}
