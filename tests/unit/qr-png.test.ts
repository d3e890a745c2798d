import jsQR from "jsqr";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { qrModules, qrPng } from "@/lib/server/qr";

// The app writes its QR PNGs itself (1-bit greyscale); they must show exactly the pixels the qrcode package draws,
// fractional module edges included, and scan back to the text.

const TEXTS = [
  "https://terminvergabe.example.de/auslaenderbehoerde/aufenthaltstitel-beantragen",
  "cmbookingid0000000000000.20261201.AbCdEfGhIjKlMnOpQrStUvWxYz0",
  "x",
  "https://terminvergabe.example.de/" + "ä".repeat(120),
];

function pixels(png: Buffer): PNG {
  return PNG.sync.read(png); // checks every chunk's CRC
}

// The package's own drawing step (what its PNG renderer hands to pngjs), without its slow PNG encoding.
const drawing = require("qrcode/lib/renderer/utils") as {
  getOptions(options: object): object;
  getImageWidth(size: number, options: object): number;
  qrToImageData(data: Uint8Array, qr: QRCode.QRCode, options: object): void;
};

function theirPixels(text: string, width: number): { width: number; data: Uint8Array } {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const options = drawing.getOptions({ margin: 4, width });
  const side = drawing.getImageWidth(qr.modules.size, options);
  const data = new Uint8Array(side * side * 4);
  drawing.qrToImageData(data, qr, options);
  return { width: side, data };
}

describe("qrPng", () => {
  const cases = [[TEXTS[0], 1024] as const, ...TEXTS.flatMap((text) => [400, 333, 21, 10].map((w) => [text, w] as const))];
  it.each(cases)(
    "matches the qrcode package pixel for pixel (%#)",
    (text, width) => {
      const ours = pixels(qrPng(text, width));
      const theirs = theirPixels(text, width);
      expect([ours.width, ours.height]).toEqual([theirs.width, theirs.width]);
      let differing = 0;
      for (let i = 0; i < ours.data.length; i += 4) if (ours.data[i] !== theirs.data[i]) differing++;
      expect(differing).toBe(0);
    },
  );

  it.each(TEXTS)("scans back to its text: %s", (text) => {
    const image = pixels(qrPng(text, 400));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(text);
  });

  it("is a 1-bit greyscale image of the requested width, far smaller than RGBA", () => {
    const png = qrPng(TEXTS[0], 1024);
    expect(png.readUInt32BE(16)).toBe(png.readUInt32BE(20));
    expect(png.readUInt32BE(16)).toBeLessThanOrEqual(1024);
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
    expect([png[24], png[25]]).toEqual([1, 0]);
    expect(png.length).toBeLessThan(8_000);
  });

  it.each(TEXTS)("gives the modules the package draws at one pixel per module, quiet zone included: %s", (text) => {
    const modules = qrModules(text);
    const theirs = theirPixels(text, modules.length);
    expect(theirs.width).toBe(modules.length);
    const dark = modules.flat();
    expect(dark.some(Boolean)).toBe(true);
    expect(dark.map((_, i) => theirs.data[i * 4] === 0)).toEqual(dark);
  });
});
