import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";
import { env } from "./lib/server/env";

const intl = createMiddleware(routing);

// Public pages get their locale from next-intl; the staff area only redirects signed-out visitors to the login.
// Authorisation happens in every page, action and route itself: this is a convenience, not a guard.
export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/staff" || pathname.startsWith("/staff/") || pathname.startsWith("/admin")) {
    if (pathname === "/staff/login") return NextResponse.next();
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

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
