// Security headers for every response, built from configuration. Pure functions without Node APIs: the proxy and
// next.config.ts both use them.

import { isCsrfOriginAllowed } from "next/dist/server/app-render/csrf-protection";

export interface SecurityHeaderConfig {
  /** A production build: no eval for React's development tools. */
  production: boolean;
  /** HSTS only when the site is served over https (APP_URL): a site on plain http must not pin itself to https. */
  hsts: boolean;
  /** CSP frame-ancestors sources: "'self'", "'none'" or origins such as "https://www.stadt.de". */
  frameAncestors: readonly string[];
  /** Extra form-action targets, e.g. the OIDC issuer the staff login form redirects to. */
  formActionOrigins?: readonly string[];
}

export type HeaderList = Array<{ key: string; value: string }>;

const HSTS = "max-age=63072000; includeSubDomains";

/** The header configuration from the validated settings (lib/server/env.ts). */
export function securityHeaderConfig(settings: {
  NODE_ENV: string;
  APP_URL: string;
  FRAME_ANCESTORS: readonly string[];
  OIDC_ISSUER?: string;
}): SecurityHeaderConfig {
  return {
    production: settings.NODE_ENV === "production",
    hsts: /^https:\/\//i.test(settings.APP_URL),
    frameAncestors: settings.FRAME_ANCESTORS,
    // A form POST that redirects to the identity provider must be allowed to leave the site.
    formActionOrigins: settings.OIDC_ISSUER ? [new URL(settings.OIDC_ISSUER).origin] : [],
  };
}

/**
 * Whether a POST whose Origin names `originHost` may reach a server action of a site addressed as `host`: Next's own
 * rule (the same host, or one of SERVER_ACTION_ALLOWED_ORIGINS, where "*.stadt.de" stands for one more label), so
 * that the proxy refuses exactly the posts Next would abort.
 */
export function actionOriginAllowed(originHost: string, host: string | undefined, allowed: readonly string[]): boolean {
  return originHost === host || isCsrfOriginAllowed(originHost, [...allowed]);
}

/** 128 random bits, base64: a fresh nonce for each request. Web Crypto, so it runs in any runtime. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Parses FRAME_ANCESTORS: space- or comma-separated, "self"/"none" with or without quotes, otherwise http(s)
 * origins (a leading "*." wildcard allowed). Throws with a readable message on anything else.
 */
export function parseFrameAncestors(value: string | undefined): string[] {
  const entries = splitList(value);
  if (entries.length === 0) return ["'self'"];
  const out: string[] = [];
  for (const entry of entries) {
    const keyword = entry.replace(/^'(.*)'$/, "$1").toLowerCase();
    if (keyword === "self" || keyword === "none") {
      out.push(`'${keyword}'`);
      continue;
    }
    const match = /^(https?):\/\/((?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(:\d{1,5})?\/?$/i.exec(entry);
    if (!match) throw new Error(`"${entry}" is not 'self', 'none' or an origin like https://www.stadt.de`);
    out.push(`${match[1].toLowerCase()}://${match[2].toLowerCase()}${match[3] ?? ""}`);
  }
  if (out.includes("'none'") && out.length > 1) throw new Error("'none' cannot be combined with other sources");
  return [...new Set(out)];
}

/**
 * Parses SERVER_ACTION_ALLOWED_ORIGINS into the host patterns Next compares with the Origin header
 * ("termine.stadt.de", "*.stadt.de", "localhost:3000"). A scheme is accepted and dropped.
 */
export function parseAllowedOrigins(value: string | undefined): string[] {
  const out: string[] = [];
  for (const entry of splitList(value)) {
    const host = entry.replace(/^https?:\/\//i, "").replace(/\/$/, "").toLowerCase();
    if (!/^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/.test(host)) {
      throw new Error(`"${entry}" is not a host name like termine.stadt.de or *.stadt.de`);
    }
    out.push(host);
  }
  return [...new Set(out)];
}

function splitList(value: string | undefined): string[] {
  return (value ?? "").split(/[\s,]+/).filter(Boolean);
}

/**
 * The page CSP. Scripts only with this request's nonce ('strict-dynamic' lets Next's nonced loader pull its
 * chunks); no 'unsafe-inline' for scripts or style elements. Style attributes stay allowed: they cannot run code,
 * and server-rendered ones (React, FullCalendar) would otherwise be dropped.
 */
export function contentSecurityPolicy(config: SecurityHeaderConfig, nonce: string): string {
  const dev = !config.production;
  const directives: Array<[string, string[]]> = [
    ["default-src", ["'self'"]],
    // React's development build evaluates code for its error overlays and stack traces.
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", `'nonce-${nonce}'`]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    // The development server pushes updates over a WebSocket.
    ["connect-src", ["'self'", ...(dev ? ["ws:", "wss:"] : [])]],
    // The ALTCHA proof-of-work worker is served from public/.
    ["worker-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'", ...(config.formActionOrigins ?? [])]],
    ["frame-ancestors", [...config.frameAncestors]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** For responses that are not HTML pages (API, images, static files): nothing may load, only framing rules. */
export function resourceContentSecurityPolicy(config: SecurityHeaderConfig): string {
  return `default-src 'none'; frame-ancestors ${config.frameAncestors.join(" ")}`;
}

/** The city's logo: an SVG opened on its own may style itself, and nothing else (no script, no loads). */
export const LOGO_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/** Paths whose responses carry LOGO_CONTENT_SECURITY_POLICY instead of the resource policy. */
export function isLogoPath(pathname: string): boolean {
  return pathname === "/api/branding/logo";
}

/**
 * The pages that may use the camera, to scan QR codes: the kiosk's (`/kiosk/<office>`, in any language) and the
 * pairing page `/geraet`, which leads into the kiosk without loading a new document, so the kiosk keeps the
 * pairing page's policy until it is reloaded.
 */
export function isKioskPath(pathname: string): boolean {
  return /^(\/[a-z]{2})?\/(kiosk|geraet)(\/|$)/.test(pathname);
}

/** Headers every response carries, whatever its type; `camera` lets the page itself (not a frame) use the camera. */
export function commonSecurityHeaders(config: SecurityHeaderConfig, options: { camera?: boolean } = {}): HeaderList {
  const headers: HeaderList = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Manage links carry a secret token in the path: nothing of a URL goes to other sites.
    { key: "Referrer-Policy", value: "same-origin" },
    {
      key: "Permissions-Policy",
      value: `camera=${options.camera ? "(self)" : "()"}, microphone=(), geolocation=(), payment=(), usb=()`,
    },
  ];
  // Older browsers ignore frame-ancestors; X-Frame-Options can only express the two simple cases.
  const [only] = config.frameAncestors;
  if (config.frameAncestors.length === 1 && only === "'none'") headers.push({ key: "X-Frame-Options", value: "DENY" });
  if (config.frameAncestors.length === 1 && only === "'self'") {
    headers.push({ key: "X-Frame-Options", value: "SAMEORIGIN" });
  }
  if (config.hsts) headers.push({ key: "Strict-Transport-Security", value: HSTS });
  return headers;
}

/** All headers of an HTML page response, with the nonce CSP. */
export function pageSecurityHeaders(config: SecurityHeaderConfig, nonce: string, options: { camera?: boolean } = {}): HeaderList {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(config, nonce) },
    ...commonSecurityHeaders(config, options),
  ];
}

/** All headers of a non-page response (API routes, images, static files); `logo` for the branding's logo. */
export function resourceSecurityHeaders(config: SecurityHeaderConfig, options: { logo?: boolean } = {}): HeaderList {
  const csp = options.logo
    ? `${LOGO_CONTENT_SECURITY_POLICY}; frame-ancestors ${config.frameAncestors.join(" ")}`
    : resourceContentSecurityPolicy(config);
  return [
    { key: "Content-Security-Policy", value: csp },
    ...commonSecurityHeaders(config),
  ];
}
