import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import createMiddleware from "next-intl/middleware";
import { loadMessages } from "./lib/i18n/messages";
import { defaultLocale, isLocale, type Locale, routing } from "./lib/i18n/routing";
import { env } from "./lib/server/env";
import {
  actionOriginAllowed,
  createNonce,
  isKioskPath,
  isLogoPath,
  type HeaderList,
  pageSecurityHeaders,
  resourceSecurityHeaders,
  type SecurityHeaderConfig,
  securityHeaderConfig,
} from "./lib/server/security/headers";

const intl = createMiddleware(routing);

let cachedConfig: SecurityHeaderConfig | undefined;

function securityConfig(): SecurityHeaderConfig {
  cachedConfig ??= securityHeaderConfig(env());
  return cachedConfig;
}

/** API routes, Next's own files and anything with a file extension: no HTML, so no nonce and no locale. */
function isResource(pathname: string): boolean {
  return (
    pathname.startsWith("/api/") ||
    pathname === "/api" ||
    pathname.startsWith("/_next/") ||
    pathname.startsWith("/_vercel/") ||
    /\/[^/]*\.[^/]*$/.test(pathname)
  );
}

function withHeaders(response: NextResponse, headers: HeaderList): NextResponse {
  for (const { key, value } of headers) response.headers.set(key, value);
  return response;
}

/**
 * Passes `extra` on to the page as request headers, on top of whatever the response already forwards. Next reads
 * the nonce from the request's `content-security-policy` header and puts it on all its scripts. This is the same
 * header protocol `NextResponse.next({ request: { headers } })` uses, applied to a response next-intl built.
 */
function forwardRequestHeaders(response: NextResponse, request: NextRequest, extra: Record<string, string>) {
  if (response.headers.has("location")) return; // a redirect renders nothing
  const forwarded = response.headers.get("x-middleware-override-headers");
  const names = forwarded ? forwarded.split(",") : [];
  if (!forwarded) {
    for (const [key, value] of request.headers) {
      names.push(key);
      response.headers.set(`x-middleware-request-${key}`, value);
    }
  }
  for (const [key, value] of Object.entries(extra)) {
    if (!names.includes(key)) names.push(key);
    response.headers.set(`x-middleware-request-${key}`, value);
  }
  response.headers.set("x-middleware-override-headers", names.join(","));
}

// Public pages get their locale from next-intl; the staff area only redirects signed-out visitors to the login.
// Authorisation happens in every page, action and route itself: this is a convenience, not a guard.
async function route(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (pathname === "/staff" || pathname.startsWith("/staff/") || pathname.startsWith("/admin")) {
    // The login and the one-time invitation links are reached without a session.
    if (pathname === "/staff/login" || pathname.startsWith("/staff/einladung/")) return NextResponse.next();
    const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
    if (!token) {
      const login = new URL("/staff/login", request.url);
      login.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
      return NextResponse.redirect(login);
    }
    return NextResponse.next();
  }
  return intl(request);
}

/**
 * A POST to a page is a server action. From another site's page (Origin differs from the host the request was sent
 * to) it is refused here with 403, before Next, which would abort it with a 500.
 */
function foreignActionPost(request: NextRequest): boolean {
  if (request.method !== "POST") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false; // no browser's cross-site request; Next lets these through too
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || undefined;
  return !actionOriginAllowed(originHost, host, env().SERVER_ACTION_ALLOWED_ORIGINS);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The refusal, in the language of the page that was posted to. */
async function refusalPage(pathname: string): Promise<string> {
  const first = pathname.split("/")[1] ?? "";
  const locale: Locale = isLocale(first) ? first : defaultLocale;
  const messages = (await loadMessages(locale)) as {
    common: { siteName: string; notFound: { home: string } };
    errors: { FORBIDDEN: string };
  };
  const home = locale === defaultLocale ? "/" : `/${locale}`;
  const text = escapeHtml(messages.errors.FORBIDDEN);
  return `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${text} – ${escapeHtml(messages.common.siteName)}</title><main><h1>${text}</h1><p><a href="${home}">${escapeHtml(messages.common.notFound.home)}</a></p></main></html>`;
}

// Every response carries the security headers; pages additionally get a CSP with a fresh nonce.
export default async function proxy(request: NextRequest) {
  const config = securityConfig();
  const { pathname } = request.nextUrl;
  if (isResource(pathname)) {
    return withHeaders(NextResponse.next(), resourceSecurityHeaders(config, { logo: isLogoPath(pathname) }));
  }
  if (foreignActionPost(request)) {
    const refused = new NextResponse(await refusalPage(request.nextUrl.pathname), {
      status: 403,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
    return withHeaders(refused, resourceSecurityHeaders(config));
  }
  const nonce = createNonce();
  const headers = pageSecurityHeaders(config, nonce, { camera: isKioskPath(request.nextUrl.pathname) });
  const response = await route(request);
  const csp = headers.find((h) => h.key === "Content-Security-Policy")!.value;
  forwardRequestHeaders(response, request, { "content-security-policy": csp, "x-nonce": nonce });
  return withHeaders(response, headers);
}

export const config = {
  // Everything, static files and API routes included, so that no response goes out without the headers.
  matcher: ["/:path*"],
};
