import { parseEnv } from "@/lib/server/env";
import { wizardCookieScope } from "@/lib/server/wizard-state";
import {
  actionOriginAllowed,
  commonSecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  isKioskPath,
  isLogoPath,
  pageSecurityHeaders,
  parseAllowedOrigins,
  parseFrameAncestors,
  resourceSecurityHeaders,
  type SecurityHeaderConfig,
  securityHeaderConfig,
} from "@/lib/server/security/headers";

const production: SecurityHeaderConfig = { production: true, hsts: true, frameAncestors: ["'self'", "https://www.stadt.de"] };
const development: SecurityHeaderConfig = { production: false, hsts: false, frameAncestors: ["'self'"] };

/** "script-src 'self' ..." → { "script-src": ["'self'", ...] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const valueOf = (headers: Array<{ key: string; value: string }>, key: string) =>
  headers.find((h) => h.key === key)?.value;

describe("createNonce", () => {
  it("is 128 random bits in base64, different each time", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(Array.from({ length: 100 }, createNonce)).size).toBe(100);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce, never inline or eval, in production", () => {
    const d = directives(contentSecurityPolicy(production, "abc123"));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["worker-src"]).toEqual(["'self'"]);
    expect(d["frame-ancestors"]).toEqual(["'self'", "https://www.stadt.de"]);
    expect(d["connect-src"]).toEqual(["'self'"]);
  });

  it("adds eval and the WebSocket only for the development server", () => {
    const d = directives(contentSecurityPolicy(development, "n"));
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("lets the login form redirect to the identity provider", () => {
    const d = directives(contentSecurityPolicy({ ...production, formActionOrigins: ["https://idp.stadt.de"] }, "n"));
    expect(d["form-action"]).toEqual(["'self'", "https://idp.stadt.de"]);
  });
});

describe("header sets", () => {
  it("sends HSTS only when the site is served over https, in development or production", () => {
    const hsts = (settings: { NODE_ENV: string; APP_URL: string }) =>
      valueOf(commonSecurityHeaders(securityHeaderConfig({ ...settings, FRAME_ANCESTORS: ["'self'"] })), "Strict-Transport-Security");
    expect(hsts({ NODE_ENV: "production", APP_URL: "https://termine.stadt.de" })).toBe("max-age=63072000; includeSubDomains");
    expect(hsts({ NODE_ENV: "development", APP_URL: "HTTPS://termine.stadt.de" })).toBe("max-age=63072000; includeSubDomains");
    expect(hsts({ NODE_ENV: "production", APP_URL: "http://localhost:3000" })).toBeUndefined();
    expect(hsts({ NODE_ENV: "production", APP_URL: "http://termine.intern" })).toBeUndefined();
    expect(hsts({ NODE_ENV: "development", APP_URL: "http://localhost:3000" })).toBeUndefined();
  });

  it("always sends nosniff and a referrer policy", () => {
    for (const config of [production, development]) {
      const headers = commonSecurityHeaders(config);
      expect(valueOf(headers, "X-Content-Type-Options")).toBe("nosniff");
      expect(valueOf(headers, "Referrer-Policy")).toBe("same-origin");
    }
  });

  it("mirrors the simple frame-ancestors cases in X-Frame-Options and leaves lists to the CSP", () => {
    expect(valueOf(commonSecurityHeaders({ ...production, frameAncestors: ["'none'"] }), "X-Frame-Options")).toBe(
      "DENY",
    );
    expect(valueOf(commonSecurityHeaders(development), "X-Frame-Options")).toBe("SAMEORIGIN");
    expect(valueOf(commonSecurityHeaders(production), "X-Frame-Options")).toBeUndefined();
  });

  it("lets only the kiosk's own pages and the pairing page that leads into it use the camera, never a frame or another page", () => {
    const camera = (path: string) => valueOf(pageSecurityHeaders(production, "xyz", { camera: isKioskPath(path) }), "Permissions-Policy");
    for (const path of ["/kiosk/buergeramt", "/en/kiosk/buergeramt", "/kiosk/buergeramt/nummer/abc", "/geraet", "/ar/geraet"]) {
      expect(camera(path)).toMatch(/^camera=\(self\), microphone=\(\)/);
    }
    for (const path of ["/", "/buergeramt", "/termin/abc", "/kioskamt", "/buergeramt/kiosk", "/staff/kiosk", "/geraetekunde", "/staff/buergeramt/geraete"]) {
      expect(camera(path)).toMatch(/^camera=\(\), microphone=\(\)/);
    }
  });

  it("gives pages the nonce CSP and other responses a CSP that loads nothing", () => {
    expect(valueOf(pageSecurityHeaders(production, "xyz"), "Content-Security-Policy")).toContain("'nonce-xyz'");
    expect(valueOf(resourceSecurityHeaders(production), "Content-Security-Policy")).toBe(
      "default-src 'none'; frame-ancestors 'self' https://www.stadt.de",
    );
  });

  it("lets only the city's logo style itself, and still run and load nothing", () => {
    expect(isLogoPath("/api/branding/logo")).toBe(true);
    expect(isLogoPath("/api/branding/logo/x")).toBe(false);
    expect(valueOf(resourceSecurityHeaders(production, { logo: true }), "Content-Security-Policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self' https://www.stadt.de",
    );
  });

  it("sends no X-Frame-Options that would contradict a list of sites allowed to embed", () => {
    expect(valueOf(pageSecurityHeaders(production, "n"), "X-Frame-Options")).toBeUndefined();
    expect(directives(valueOf(pageSecurityHeaders(production, "n"), "Content-Security-Policy")!)["frame-ancestors"]).toEqual([
      "'self'",
      "https://www.stadt.de",
    ]);
  });
});

describe("wizardCookieScope", () => {
  it("keeps the wizard's cookie SameSite=Lax unless other sites may embed the booking", () => {
    expect(wizardCookieScope({ APP_URL: "https://termine.stadt.de", FRAME_ANCESTORS: ["'self'"] })).toEqual({ sameSite: "lax", secure: true });
    expect(wizardCookieScope({ APP_URL: "http://localhost:3000", FRAME_ANCESTORS: ["'none'"] })).toEqual({ sameSite: "lax", secure: false });
  });

  it("makes it a partitioned third-party cookie when another site embeds the booking", () => {
    expect(wizardCookieScope({ APP_URL: "https://termine.stadt.de", FRAME_ANCESTORS: ["'self'", "https://www.stadt.de"] })).toEqual({
      sameSite: "none",
      secure: true,
      partitioned: true,
    });
  });
});

describe("parseFrameAncestors", () => {
  it("defaults to the site itself", () => {
    expect(parseFrameAncestors(undefined)).toEqual(["'self'"]);
    expect(parseFrameAncestors("  ")).toEqual(["'self'"]);
  });

  it("accepts keywords with or without quotes and normalises origins", () => {
    expect(parseFrameAncestors("self https://WWW.Stadt.de/, https://*.kreis.de:8443")).toEqual([
      "'self'",
      "https://www.stadt.de",
      "https://*.kreis.de:8443",
    ]);
    expect(parseFrameAncestors("'none'")).toEqual(["'none'"]);
  });

  it("refuses paths, other schemes, bare words and 'none' with others", () => {
    expect(() => parseFrameAncestors("https://www.stadt.de/termine")).toThrow(/not 'self', 'none' or an origin/);
    expect(() => parseFrameAncestors("javascript:alert(1)")).toThrow();
    expect(() => parseFrameAncestors("stadt.de")).toThrow();
    expect(() => parseFrameAncestors("'unsafe-inline'")).toThrow();
    expect(() => parseFrameAncestors("'self'; script-src *")).toThrow();
    expect(() => parseFrameAncestors("'none' 'self'")).toThrow(/cannot be combined/);
  });
});

describe("parseAllowedOrigins", () => {
  it("turns origins and hosts into the host patterns Next compares", () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins("https://termine.stadt.de *.stadt.de, localhost:3000")).toEqual([
      "termine.stadt.de",
      "*.stadt.de",
      "localhost:3000",
    ]);
  });

  it("refuses anything that is not a host", () => {
    expect(() => parseAllowedOrigins("https://stadt.de/pfad")).toThrow(/not a host name/);
    expect(() => parseAllowedOrigins("*")).toThrow();
  });
});

describe("actionOriginAllowed", () => {
  it("accepts server actions from the site's own host and the configured origins only", () => {
    const allowed = ["termine-proxy.stadt.de", "*.stadt.de", "localhost:3000"];
    expect(actionOriginAllowed("termine.pirmasens.de", "termine.pirmasens.de", [])).toBe(true);
    // Next compares the Host header as sent (an origin's host is always lower case), so the proxy does too.
    expect(actionOriginAllowed("termine.pirmasens.de", "Termine.Pirmasens.de", [])).toBe(false);
    expect(actionOriginAllowed("www.stadt.de", "intern:3000", ["*.Stadt.de"])).toBe(true);
    expect(actionOriginAllowed("evil.example", "termine.pirmasens.de", [])).toBe(false);
    expect(actionOriginAllowed("termine.pirmasens.de:8443", "termine.pirmasens.de", [])).toBe(false);
    expect(actionOriginAllowed("null", "termine.pirmasens.de", [])).toBe(false);
    expect(actionOriginAllowed("evil.example", undefined, [])).toBe(false);
    expect(actionOriginAllowed("termine-proxy.stadt.de", "intern:3000", allowed)).toBe(true);
    expect(actionOriginAllowed("www.stadt.de", "intern:3000", allowed)).toBe(true);
    expect(actionOriginAllowed("a.b.stadt.de", "intern:3000", allowed)).toBe(false);
    expect(actionOriginAllowed("stadt.de", "intern:3000", allowed)).toBe(false);
    expect(actionOriginAllowed("evilstadt.de", "intern:3000", allowed)).toBe(false);
    expect(actionOriginAllowed("localhost:3000", "intern:3000", allowed)).toBe(true);
  });
});

describe("configuration", () => {
  const base = { NEXTAUTH_SECRET: "x".repeat(32) };

  it("reads both lists, with defaults", () => {
    const env = parseEnv(base);
    expect(env.FRAME_ANCESTORS).toEqual(["'self'"]);
    expect(env.SERVER_ACTION_ALLOWED_ORIGINS).toEqual([]);
    const set = parseEnv({
      ...base,
      FRAME_ANCESTORS: "'self' https://www.stadt.de",
      SERVER_ACTION_ALLOWED_ORIGINS: "termine.stadt.de",
    });
    expect(set.FRAME_ANCESTORS).toEqual(["'self'", "https://www.stadt.de"]);
    expect(set.SERVER_ACTION_ALLOWED_ORIGINS).toEqual(["termine.stadt.de"]);
  });

  it("names the variable when a list is invalid", () => {
    expect(() => parseEnv({ ...base, FRAME_ANCESTORS: "https://stadt.de/x" })).toThrow(/FRAME_ANCESTORS: /);
    expect(() => parseEnv({ ...base, SERVER_ACTION_ALLOWED_ORIGINS: "a b/c" })).toThrow(
      /SERVER_ACTION_ALLOWED_ORIGINS: /,
    );
  });
});
