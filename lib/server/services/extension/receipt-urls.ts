import QRCode from "qrcode";
import { env } from "@/lib/server/env";

/** The public check page; with a code, the link the receipt's QR code carries (in German, the office's language). */
export function receiptCheckUrl(code?: string): string {
  const base = `${env().APP_URL}/quittung/pruefen`;
  return code ? `${base}?code=${code}` : base;
}

/** Level M survives a crease in the paper; the quiet zone of 4 modules is what scanners expect. */
const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 4 } as const;

/** The QR code of the check link as a data: URL of an SVG image, for the receipt page. */
export async function receiptQrDataUrl(code: string): Promise<string> {
  const svg = await QRCode.toString(receiptCheckUrl(code), { ...QR_OPTIONS, type: "svg" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** The QR code's modules (true = dark), row by row with the quiet zone, for drawing it into the PDF. */
export function receiptQrModules(code: string): boolean[][] {
  const qr = QRCode.create(receiptCheckUrl(code), { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel });
  const size = qr.modules.size;
  const margin = QR_OPTIONS.margin;
  return Array.from({ length: size + 2 * margin }, (_, y) =>
    Array.from({ length: size + 2 * margin }, (_, x) => {
      const [mx, my] = [x - margin, y - margin];
      return mx >= 0 && my >= 0 && mx < size && my < size && Boolean(qr.modules.get(my, mx));
    }),
  );
}
