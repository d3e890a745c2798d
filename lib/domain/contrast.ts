// Colour contrast after WCAG 2.1 (success criterion 1.4.3): the city's primary colour carries white text on buttons
// and the header, and is the colour of links on white, so it must reach 4.5:1 against white.

/** The minimum contrast of normal text (WCAG 2.1 AA). */
export const MIN_TEXT_CONTRAST = 4.5;

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** Whether `value` is a colour in the one form the branding stores: "#RRGGBB". */
export function isHexColour(value: string): boolean {
  return HEX_COLOUR.test(value);
}

function channels(hex: string): [number, number, number] {
  if (!isHexColour(hex)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance of an sRGB colour (WCAG 2.1 definition; 0 for black, 1 for white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    // WCAG 2.1 writes 0.03928; the sRGB standard's 0.04045 gives the same result for 8-bit channels.
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (equal) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The contrast of white text on `hex`. */
export function contrastWithWhite(hex: string): number {
  return contrastRatio(hex, "#ffffff");
}

/**
 * A ratio as people read it in tools and the WCAG text, rounded down to two decimals so that a colour just below
 * the minimum never shows as "4.50".
 */
export function formatContrast(ratio: number): string {
  return (Math.floor(ratio * 100) / 100).toFixed(2);
}

/** Whether white text on `hex` is readable as normal-sized text. */
export function carriesWhiteText(hex: string): boolean {
  return contrastWithWhite(hex) >= MIN_TEXT_CONTRAST;
}

/**
 * `hex` mixed with black by `amount` (0..1): the hover and pressed shade of the primary colour, darker and so never
 * of lower contrast with white than the colour itself.
 */
export function darken(hex: string, amount: number): string {
  const keep = 1 - Math.min(1, Math.max(0, amount));
  return `#${channels(hex)
    .map((c) => Math.round(c * keep).toString(16).padStart(2, "0"))
    .join("")}`;
}
