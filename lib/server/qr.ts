import "server-only";
import { crc32, deflateSync } from "node:zlib";
import QRCode from "qrcode";

// The QR codes of the app: deep-link posters, the check-in code in e-mails and on the manage page, the door poster
// and the extension receipt. Level M survives a scratch, a crease or a sticker corner; the quiet zone of 4 modules
// is what scanners expect.

const LEVEL = "M";
const MARGIN = 4;

/** The QR code's modules (true = dark), row by row with the quiet zone. */
export function qrModules(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: LEVEL });
  const size = qr.modules.size;
  return Array.from({ length: size + 2 * MARGIN }, (_, y) =>
    Array.from({ length: size + 2 * MARGIN }, (_, x) => {
      const [mx, my] = [x - MARGIN, y - MARGIN];
      return mx >= 0 && my >= 0 && mx < size && my < size && Boolean(qr.modules.get(my, mx));
    }),
  );
}

/** The QR code as an SVG document. */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { errorCorrectionLevel: LEVEL, margin: MARGIN, type: "svg" });
}

/** The QR code as a data: URL of an SVG image, for pages. */
export async function qrSvgDataUrl(text: string): Promise<string> {
  return `data:image/svg+xml;base64,${Buffer.from(await qrSvg(text)).toString("base64")}`;
}

/**
 * The QR code as a black-and-white PNG `width` pixels wide, with the same pixels as the qrcode package draws
 * (module edges at the same fractional scale). Written directly as a 1-bit greyscale image: the package's PNG
 * path draws 4 bytes per pixel in JavaScript and lets pngjs filter and pack them, some 50 ms for a 1024-pixel
 * poster and 10 ms for each confirmation e-mail's code; this takes a fraction of a millisecond.
 */
export function qrPng(text: string, width: number): Buffer {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: LEVEL }).modules;
  // qrcode's own arithmetic (renderer/utils.js), so that every pixel matches: a width smaller than the code falls
  // back to 4 pixels per module, and the quiet zone is `MARGIN` modules of the fractional scale.
  const scale = width >= size + 2 * MARGIN ? width / (size + 2 * MARGIN) : 4;
  const pixels = Math.floor((size + 2 * MARGIN) * scale);
  const margin = MARGIN * scale;
  const moduleAt = (i: number) => (i >= margin && i < pixels - margin ? Math.floor((i - margin) / scale) : -1);
  const column = Array.from({ length: pixels }, (_, x) => moduleAt(x));
  const rowBytes = Math.ceil(pixels / 8);
  const rows = new Map<number, Buffer>();
  const raw = Buffer.alloc(pixels * (rowBytes + 1));
  for (let y = 0; y < pixels; y++) {
    const r = moduleAt(y);
    let row = rows.get(r);
    if (!row) {
      // Filter byte 0 (none), then 8 pixels per byte, most significant bit first; 1 is white.
      row = Buffer.alloc(rowBytes + 1);
      for (let x = 0; x < pixels; x++) {
        const dark = r >= 0 && column[x] >= 0 && data[r * size + column[x]];
        if (!dark) row[1 + (x >> 3)] |= 0x80 >> (x & 7);
      }
      rows.set(r, row);
    }
    row.copy(raw, y * (rowBytes + 1));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale; compression, filter and interlace methods stay 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
