import {
  MIN_TEXT_CONTRAST,
  carriesWhiteText,
  contrastRatio,
  contrastWithWhite,
  darken,
  formatContrast,
  isHexColour,
  relativeLuminance,
} from "@/lib/domain/contrast";

describe("relative luminance and contrast (WCAG 2.1)", () => {
  it("gives black 0 and white 1, and the extremes a ratio of 21:1", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 10);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 10);
    expect(contrastRatio("#0b4f8a", "#0b4f8a")).toBe(1);
  });

  it("weighs green most and blue least", () => {
    expect(relativeLuminance("#ff0000")).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance("#00ff00")).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance("#0000ff")).toBeCloseTo(0.0722, 4);
  });

  it("matches the published ratios of well-known greys and colours", () => {
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastWithWhite("#767676")).toBeCloseTo(4.54, 2);
    expect(contrastWithWhite("#777777")).toBeCloseTo(4.48, 2);
    expect(contrastWithWhite("#0000ff")).toBeCloseTo(8.59, 2);
    expect(contrastWithWhite("#ff0000")).toBeCloseTo(4.0, 2);
  });

  it("lets a colour carry white text from 4.5:1 on", () => {
    expect(MIN_TEXT_CONTRAST).toBe(4.5);
    expect(carriesWhiteText("#767676")).toBe(true);
    expect(carriesWhiteText("#777777")).toBe(false);
    expect(carriesWhiteText("#ff0000")).toBe(false);
    expect(carriesWhiteText("#0b4f8a")).toBe(true);
    expect(carriesWhiteText("#ffdd00")).toBe(false);
  });

  it("shows a ratio rounded down, so that a failing colour never reads as 4.50", () => {
    expect(formatContrast(4.4999)).toBe("4.49");
    expect(formatContrast(contrastWithWhite("#777777"))).toBe("4.47");
    expect(formatContrast(21)).toBe("21.00");
  });

  it("accepts only #RRGGBB and refuses to measure anything else", () => {
    expect(isHexColour("#0b4F8a")).toBe(true);
    for (const bad of ["0b4f8a", "#0b4f8", "#0b4f8a0", "#gggggg", "red", "", "#0b4f8a;}"]) {
      expect(isHexColour(bad)).toBe(false);
      expect(() => relativeLuminance(bad)).toThrow(/#RRGGBB/);
    }
  });

  it("darkens towards black and never lowers the contrast with white", () => {
    expect(darken("#ffffff", 0.5)).toBe("#808080");
    expect(darken("#0b4f8a", 0)).toBe("#0b4f8a");
    expect(darken("#0b4f8a", 1)).toBe("#000000");
    for (const colour of ["#767676", "#0b4f8a", "#b3261e", "#00703c"]) {
      expect(contrastWithWhite(darken(colour, 0.25))).toBeGreaterThan(contrastWithWhite(colour));
    }
  });
});
