import { type SvgRefusal, sanitizeSvg } from "./svg-sanitizer";

// An uploaded logo: a PNG whose structure is checked chunk by chunk, or an SVG rebuilt by the sanitiser. The type
// is taken from the content, never from the file name or the browser's claim.

/** Large enough for a crisp header logo, small enough to send with every page's first view. */
export const LOGO_MAX_BYTES = 200 * 1024;
/** The largest PNG side accepted: far more than a header needs, and it bounds the decoded size in browsers. */
export const LOGO_MAX_PNG_SIDE = 2000;

export type LogoType = "image/png" | "image/svg+xml";

export type LogoRefusal = "logoTooLarge" | "logoType" | "logoInvalid" | "logoDimensions" | SvgRefusal;

export type LogoResult = { ok: true; type: LogoType; bytes: Uint8Array } | { ok: false; reason: LogoRefusal };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWithPngSignature = (bytes: Uint8Array) => PNG_SIGNATURE.every((b, i) => bytes[i] === b);

const uint32 = (bytes: Uint8Array, at: number) =>
  ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;

const chunkType = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** Width and height of a well-formed PNG: IHDR first, every chunk inside the file, IEND last at its very end. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 8 + 25 + 12 || !startsWithPngSignature(bytes)) return null;
  if (uint32(bytes, 8) !== 13 || chunkType(bytes, 12) !== "IHDR") return null;
  const width = uint32(bytes, 16);
  const height = uint32(bytes, 20);
  const bitDepth = bytes[24];
  const colourType = bytes[25];
  if (![1, 2, 4, 8, 16].includes(bitDepth) || ![0, 2, 3, 4, 6].includes(colourType)) return null;
  let at = 8;
  let sawData = false;
  while (at + 12 <= bytes.length) {
    const length = uint32(bytes, at);
    const type = chunkType(bytes, at + 4);
    if (!/^[A-Za-z]{4}$/.test(type) || at + 12 + length > bytes.length) return null;
    if (type === "IDAT") sawData = true;
    at += 12 + length;
    if (type === "IEND") return at === bytes.length && sawData ? { width, height } : null;
  }
  return null;
}

/** Checks an upload and gives the bytes to store: the PNG as it came, or the sanitised SVG. */
export function checkLogoFile(bytes: Uint8Array): LogoResult {
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, reason: "logoTooLarge" };
  if (startsWithPngSignature(bytes)) {
    const size = pngDimensions(bytes);
    if (!size) return { ok: false, reason: "logoInvalid" };
    const sides = [size.width, size.height];
    if (sides.some((s) => s < 16 || s > LOGO_MAX_PNG_SIDE)) return { ok: false, reason: "logoDimensions" };
    return { ok: true, type: "image/png", bytes };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: "logoType" };
  }
  // An XML declaration, doctype or comment may come first; the document element must be <svg>.
  if (!/<svg[\s>/]/.test(text)) return { ok: false, reason: "logoType" };
  const svg = sanitizeSvg(text);
  if (!svg.ok) return svg;
  return { ok: true, type: "image/svg+xml", bytes: new TextEncoder().encode(svg.svg) };
}
