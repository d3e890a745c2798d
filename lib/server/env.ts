import { createPrivateKey, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseAllowedOrigins, parseFrameAncestors } from "./security/headers";

// All configuration, validated once at start-up. Defaults make `npm run dev` work on a fresh machine.

/** A list variable parsed by `parse`, its error message reported as a validation issue. */
function originList(parse: (value: string | undefined) => string[]) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parse(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    });
}

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
      .default("file:./data/dev.db"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must look like smtp://user:pass@host:587")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Terminvergabe <noreply@terminvergabe.localhost>"),
    APP_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
    // How often erasure, reminders and the statistics for the evaluation run.
    JOBS_INTERVAL_MS: z.coerce.number().int().min(1000).default(5 * 60_000),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    SEED_STAFF_PASSWORD: z.string().min(8).optional(),
    // Proof of work and rate limits before a booking; "off" only for test environments.
    ANTIBOT: z.enum(["on", "off"]).default("on"),
    // Who may embed the pages in a frame, e.g. "'self' https://www.stadt.de"; "'none'" forbids it entirely.
    FRAME_ANCESTORS: originList(parseFrameAncestors),
    // Hosts besides the app's own whose pages may call server actions (a reverse proxy under another name).
    SERVER_ACTION_ALLOWED_ORIGINS: originList(parseAllowedOrigins),
    // Webhook endpoints on loopback or private networks (the case-management system in the city's own network).
    // Outside production they are always allowed; in production only with "true", since a webhook URL could
    // otherwise reach internal services from the app's host.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    // Reverse proxies in front of the app, each appending to X-Forwarded-For; 0 trusts no header, only the socket.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // The Ed25519 key that signs extension receipts: base64 of a 32-byte seed or of a PKCS#8 key (DER). Unset: one
    // derived from NEXTAUTH_SECRET (fine for development; set an own key in production so receipts outlive a change
    // of the session secret).
    RECEIPT_SIGNING_KEY: z
      .string()
      .optional()
      .refine((v) => v === undefined || isEd25519Key(v), "must be base64 of a 32-byte seed or of an Ed25519 PKCS#8 key"),
  })
  .transform((env) => ({
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
  }));

export type Env = z.infer<typeof schema> & { NEXTAUTH_SECRET: string };

/** DER prefix of an Ed25519 private key in PKCS#8, followed by the 32-byte seed (RFC 8410). */
export const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** A configured receipt key as PKCS#8 DER: a bare 32-byte seed gets the fixed prefix. */
export function ed25519KeyDer(base64: string): Buffer {
  const raw = Buffer.from(base64.trim(), "base64");
  return raw.length === 32 ? Buffer.concat([ED25519_PKCS8_PREFIX, raw]) : raw;
}

function isEd25519Key(base64: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64.trim())) return false;
  try {
    return createPrivateKey({ key: ed25519KeyDer(base64), format: "der", type: "pkcs8" }).asymmetricKeyType === "ed25519";
  } catch {
    return false;
  }
}

function developmentSecret(): string {
  // Stable across restarts so that sessions and wizard cookies survive a dev server reload. Not a file of the build:
  // the comment keeps Turbopack from tracing it (a build that ran while the file was being written failed).
  const file = path.join(/* turbopackIgnore: true */ process.cwd(), "data", "dev-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("hex");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (!env.NEXTAUTH_SECRET && env.NODE_ENV === "production") {
    throw new Error("Invalid configuration:\n  NEXTAUTH_SECRET: required in production (at least 32 characters)");
  }
  // A production build may run without anti-bot checks only on localhost (the end-to-end harness), never when public.
  if (env.ANTIBOT === "off" && env.NODE_ENV === "production" && !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(env.APP_URL)) {
    throw new Error("Invalid configuration:\n  ANTIBOT: \"off\" is refused in production");
  }
  return { ...env, NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? developmentSecret() };
}

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // next-auth takes its own address from NEXTAUTH_URL (else http://localhost:3000): the single sign-on callback
    // and the secure cookie names must follow the app's public address.
    process.env.NEXTAUTH_URL ??= cached.APP_URL;
  }
  return cached;
}
