import { getDb } from "@/lib/server/db";
import { LOGO_CONTENT_SECURITY_POLICY } from "@/lib/server/security/headers";
import { logoAsPng, versionedResponse } from "@/lib/server/services/branding/assets";
import { readBrandingLogo } from "@/lib/server/services/branding/read-branding";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The city's logo with the type it was stored as (`?format=png`: as a PNG, for e-mails). An SVG opened on its own
 * gets a policy that runs no script and loads nothing, on top of the sanitising at upload.
 */
export async function GET(request: Request): Promise<Response> {
  const logo = await readBrandingLogo(getDb());
  if (!logo) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" } });
  const png = new URL(request.url).searchParams.get("format") === "png";
  const type = png ? "image/png" : logo.type;
  const headers = {
    "Content-Type": type === "image/svg+xml" ? "image/svg+xml; charset=utf-8" : type,
    "Content-Security-Policy": LOGO_CONTENT_SECURITY_POLICY,
  };
  return versionedResponse(request, png ? await logoAsPng(logo) : logo.bytes, logo.version, headers, png ? "-png" : "");
}
