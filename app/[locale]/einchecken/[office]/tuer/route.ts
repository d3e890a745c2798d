import { type NextRequest, NextResponse } from "next/server";
import { defaultLocale } from "@/lib/i18n/routing";
import { getDb } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isPosterToken, POSTER_VISIT_COOKIE, POSTER_VISIT_MINUTES, posterVisit } from "@/lib/server/security/check-in-tokens";
import { getActiveOffice } from "@/lib/server/services/office-catalog";

/**
 * Where the door poster's QR code leads: a genuine poster code of the office leaves a short-lived visit cookie on the
 * phone (the manage page then offers "Jetzt einchecken"), and the phone check-in page opens. Anything else opens it
 * without the cookie, and the page says how to check in.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string; office: string }> }) {
  const { locale, office: slug } = await params;
  const page = new URL(`${locale === defaultLocale ? "" : `/${locale}`}/einchecken/${encodeURIComponent(slug)}`, env().APP_URL);
  const response = NextResponse.redirect(page, 303);
  response.headers.set("Cache-Control", "no-store");
  const office = await getActiveOffice(getDb(), slug).catch(() => null);
  if (office && isPosterToken(office.id, request.nextUrl.searchParams.get("p"))) {
    response.cookies.set(POSTER_VISIT_COOKIE, posterVisit(office.id, new Date()), {
      httpOnly: true,
      sameSite: "lax",
      secure: page.protocol === "https:",
      path: "/",
      maxAge: POSTER_VISIT_MINUTES * 60,
    });
  }
  return response;
}
