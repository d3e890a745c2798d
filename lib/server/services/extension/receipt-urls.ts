import { env } from "@/lib/server/env";
import { qrModules, qrSvgDataUrl } from "@/lib/server/qr";

/** The public check page; with a code, the link the receipt's QR code carries (in German, the office's language). */
export function receiptCheckUrl(code?: string): string {
  const base = `${env().APP_URL}/quittung/pruefen`;
  return code ? `${base}?code=${code}` : base;
}

/** The QR code of the check link as a data: URL of an SVG image, for the receipt page. */
export function receiptQrDataUrl(code: string): Promise<string> {
  return qrSvgDataUrl(receiptCheckUrl(code));
}

/** The QR code's modules (true = dark), row by row with the quiet zone, for drawing it into the PDF. */
export function receiptQrModules(code: string): boolean[][] {
  return qrModules(receiptCheckUrl(code));
}
