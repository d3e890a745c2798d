import "server-only";
import { qrPng, qrSvg } from "@/lib/server/qr";
import { parseQuery } from "./params";
import { QR_PNG_WIDTH, qrQuerySchema } from "./schemas";

// Printable QR codes of the booking deep links, for posters and the city's A-Z pages.

/** The QR code of `url` as a download named `<name>.png|svg`, in the format the query asks for. */
export async function qrCodeResponse(request: Request, url: string, name: string): Promise<Response> {
  const { format } = parseQuery(request, qrQuerySchema);
  const headers = new Headers({
    "Content-Disposition": `attachment; filename="${name}.${format}"`,
    // The link only changes with the office's slug or APP_URL; a day of caching suits printed material.
    "Cache-Control": "public, max-age=86400",
    "X-Content-Type-Options": "nosniff",
  });
  if (format === "svg") {
    headers.set("Content-Type", "image/svg+xml; charset=utf-8");
    return new Response(await qrSvg(url), { headers });
  }
  headers.set("Content-Type", "image/png");
  return new Response(new Uint8Array(qrPng(url, QR_PNG_WIDTH)), { headers });
}
