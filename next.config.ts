import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { parseAllowedOrigins } from "./lib/server/security/headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // End-to-end tests build into their own folder so that a running `next dev` is not disturbed.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native and WASM database drivers must stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  experimental: {
    // forbidden() answers a refused staff page with HTTP 403 and the forbidden.tsx page.
    authInterrupts: true,
    // NEXT_SERVER_SOURCE_MAPS=off builds without the server's source maps (only stack traces in logs use them):
    // the end-to-end tests' build sets it, which saves a sixth of its time.
    ...(process.env.NEXT_SERVER_SOURCE_MAPS === "off" ? { turbopackSourceMaps: false } : {}),
    // Next refuses server actions whose Origin differs from the host; a reverse proxy under another name is
    // allowed here. Read when the server starts, validated like the rest of the configuration.
    serverActions: { allowedOrigins: parseAllowedOrigins(process.env.SERVER_ACTION_ALLOWED_ORIGINS) },
  },
  // The proxy sets all security headers from the runtime configuration; these two do not depend on it and also
  // cover any response the proxy never sees.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
