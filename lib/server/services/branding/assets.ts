import "server-only";
import sharp from "sharp";
import { darken } from "@/lib/domain/contrast";
import type { SiteBranding } from "@/lib/schemas/branding";

// The files the branding is delivered in: the stylesheet with the primary colour, and the logo (as stored, or as a
// PNG for e-mail clients, which do not show SVG). Both are addressed with the branding's version, so a response
// for the current version may be cached for a year and a save reaches every browser with the next page.

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The primary colour as the custom properties Tailwind's theme reads (`bg-brand`, `text-brand`, ...). Unlayered
 * rules win over the theme layer of globals.css, whatever the order the stylesheets load in.
 */
export function brandingStylesheet(branding: Pick<SiteBranding, "primaryColor"> | null): string {
  const colour = branding?.primaryColor;
  if (!colour) return "/* neutral default: no primary colour set */\n";
  return `:root{--color-brand:${colour};--color-brand-dark:${darken(colour, 0.25)}}\n`;
}

/**
 * A response for an asset of branding `version`: cached for a year when the request names that version, else
 * revalidated each time; 304 when the browser already has it.
 */
export function versionedResponse(
  request: Request,
  body: Uint8Array | string,
  version: string,
  headers: Record<string, string>,
  /** Another representation of the same version (the logo as PNG) gets an ETag of its own. */
  variant = "",
): Response {
  const etag = `"${version}${variant}"`;
  const requested = new URL(request.url).searchParams.get("v");
  const all = {
    ...headers,
    ETag: etag,
    "Cache-Control": requested === version ? `public, max-age=${YEAR_SECONDS}, immutable` : "no-cache",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: all });
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { headers: all });
}

const pngCache = new Map<string, Uint8Array>();

/** The logo as a PNG about 96 px high (twice the e-mail header's 48 px): SVGs are rasterised once per version. */
export async function logoAsPng(logo: { bytes: Uint8Array; type: string; version: string }): Promise<Uint8Array> {
  if (logo.type === "image/png") return logo.bytes;
  const cached = pngCache.get(logo.version);
  if (cached) return cached;
  const png = new Uint8Array(await sharp(Buffer.from(logo.bytes), { density: 288 }).resize({ height: 96 }).png().toBuffer());
  pngCache.clear();
  pngCache.set(logo.version, png);
  return png;
}
