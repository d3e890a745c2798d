import "server-only";
import QRCode from "qrcode";
import { parseQuery } from "./params";
import { QR_PNG_WIDTH, qrQuerySchema } from "./schemas";

// Printable QR codes of the booking deep links, for posters and the city's A-Z pages. Level M survives a little
// dirt or a sticker corner; the quiet zone of 4 modules is what scanners expect.

const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/**
 * Passed through to pngjs: greyscale and the "up" filter, which turns the QR code's repeated rows into zeros. Half
 * the size of the default RGBA output and several times faster to encode, since pngjs need not try every filter
 * on every row. A fresh object per call: qrcode writes the image size into it.
 */
function pngEncoding(): QRCode.QRCodeToBufferOptions["rendererOpts"] {
  return { filterType: 2, colorType: 0 } as QRCode.QRCodeToBufferOptions["rendererOpts"];
}

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
    return new Response(await QRCode.toString(url, { ...QR_OPTIONS, type: "svg" }), { headers });
  }
  headers.set("Content-Type", "image/png");
  const png = await QRCode.toBuffer(url, { ...QR_OPTIONS, type: "png", width: QR_PNG_WIDTH, rendererOpts: pngEncoding() });
  return new Response(new Uint8Array(png), { headers });
}
