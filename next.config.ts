import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // End-to-end tests build into their own folder so that a running `next dev` is not disturbed.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native and WASM database drivers must stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
