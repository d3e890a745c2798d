import { getDb } from "@/lib/server/db";
import { brandingStylesheet, versionedResponse } from "@/lib/server/services/branding/assets";
import { readBranding } from "@/lib/server/services/branding/read-branding";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The city's primary colour as a stylesheet (linked from every public page with the branding's version). A file
 * of its own rather than an inline style: the page CSP allows only the site's own and nonced styles.
 */
export async function GET(request: Request): Promise<Response> {
  const branding = await readBranding(getDb());
  return versionedResponse(request, brandingStylesheet(branding), branding?.version ?? "none", {
    "Content-Type": "text/css; charset=utf-8",
  });
}
