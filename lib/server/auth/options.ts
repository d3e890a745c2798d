import type { TokenSet } from "openid-client";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { throttledError } from "@/lib/schemas/sign-in";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { clientAddressOf } from "@/lib/server/security/client-address";
import { safeCallbackPath } from "./callback-url";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure, signInKeys, signInWait } from "./throttle";

// Staff sign-in: e-mail and password (Argon2id), optionally single sign-on through the city's OpenID Connect
// provider. Sessions are JWTs that end after a working day and die when the password changes.

export const SESSION_HOURS = 10;

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

/** next-auth hands the request's headers over as a plain object. */
function requestHeaders(record: Record<string, unknown> | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record ?? {})) if (typeof value === "string") headers.set(name, value);
  return headers;
}

function oidcProvider(): NextAuthOptions["providers"] {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: "Single Sign-On",
      type: "oauth",
      wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      // The ID token is verified; its claims are completed from the userinfo endpoint, since providers differ in what
      // they put into the ID token (some only `sub`).
      idToken: true,
      userinfo: {
        async request({ client, tokens }) {
          // With idToken set, next-auth hands over the verified token set of openid-client's callback().
          const verified = tokens as TokenSet;
          const claims = verified.claims();
          if (claims.email) return claims;
          // openid-client refuses userinfo whose subject differs from the ID token's.
          return { ...(await client.userinfo(verified)), sub: claims.sub };
        },
      },
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; email_verified?: boolean; name?: string }) {
        // An address the provider itself marks as unverified never matches a staff account.
        const email = profile.email_verified === false ? null : (profile.email ?? null);
        return { id: profile.sub, email, name: profile.name ?? null };
      },
    },
  ];
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/staff/login", error: "/staff/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-Mail und Passwort",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const db = getDb();
          const now = new Date();
          const email = parsed.data.email.toLowerCase();
          const keys = signInKeys(email, clientAddressOf(requestHeaders(req?.headers)), env().NEXTAUTH_SECRET);
          const wait = await signInWait(db, keys, now);
          // next-auth hands the message to the form, which tells how long to wait.
          if (wait !== null) throw new Error(throttledError(wait));
          const user = await db.staffUser.findUnique({ where: { email } });
          // Unknown, locked and not-yet-activated accounts cost one hash too: the timing reveals none of them.
          const ok =
            user?.active && user.passwordHash
              ? await verifyPassword(user.passwordHash, parsed.data.password)
              : await verifyAgainstDummy(parsed.data.password);
          if (!user || !ok) {
            await recordSignInFailure(db, keys, now);
            return null;
          }
          await clearSignInFailures(db, keys);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      // Also after single sign-on: only pages of this site (the default accepts paths such as "/\evil.example").
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        // Single sign-on only for people the administrators have added; no accounts are created on the fly.
        const email = user.email?.toLowerCase();
        const staff = email ? await getDb().staffUser.findUnique({ where: { email } }) : null;
        return Boolean(staff?.active);
      },
      async jwt({ token, user, account }) {
        if (user) {
          const email = user.email?.toLowerCase() ?? "";
          const staff = await getDb().staffUser.findUnique({ where: { email } });
          if (!staff) return token;
          token.uid = staff.id;
          token.pwdAt = staff.passwordChangedAt.getTime();
          token.loginAt = Date.now();
          token.via = account?.provider ?? "credentials";
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, pwdAt: token.pwdAt, loginAt: token.loginAt } as typeof session;
      },
    },
  };
}
