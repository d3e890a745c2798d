import type { CSSProperties } from "react";

// Plain styles that survive mail clients: system fonts, 16px text, dark text on white (contrast above 12:1), a dark
// blue button with white text (above 9:1) and touch targets of at least 44px.

export const colors = {
  text: "#1a1a1a",
  muted: "#454545",
  brand: "#004b87",
  border: "#c8ccd0",
  page: "#f2f3f5",
  panel: "#f7f8fa",
  white: "#ffffff",
} as const;

const font = "Arial, Helvetica, 'Segoe UI', Roboto, sans-serif";

export const styles = {
  body: { backgroundColor: colors.page, margin: 0, padding: "16px 0", fontFamily: font, color: colors.text },
  container: {
    backgroundColor: colors.white,
    maxWidth: "600px",
    margin: "0 auto",
    padding: "24px 20px",
    border: `1px solid ${colors.border}`,
  },
  sender: { fontSize: "14px", lineHeight: "20px", color: colors.muted, margin: "0 0 4px" },
  senderName: { fontSize: "18px", lineHeight: "24px", fontWeight: 700, color: colors.text, margin: "0 0 16px" },
  h1: { fontSize: "24px", lineHeight: "32px", fontWeight: 700, color: colors.text, margin: "0 0 16px" },
  h2: { fontSize: "18px", lineHeight: "26px", fontWeight: 700, color: colors.text, margin: "24px 0 8px" },
  text: { fontSize: "16px", lineHeight: "24px", color: colors.text, margin: "0 0 16px" },
  label: { fontSize: "14px", lineHeight: "20px", color: colors.muted, margin: "0" },
  value: { fontSize: "17px", lineHeight: "25px", fontWeight: 700, color: colors.text, margin: "0 0 12px" },
  valueOld: { fontSize: "16px", lineHeight: "24px", color: colors.muted, margin: "0 0 12px", textDecoration: "line-through" },
  panel: {
    backgroundColor: colors.panel,
    border: `1px solid ${colors.border}`,
    padding: "16px 16px 4px",
    margin: "0 0 20px",
  },
  button: {
    backgroundColor: colors.brand,
    color: colors.white,
    fontSize: "17px",
    lineHeight: "24px",
    fontWeight: 700,
    textDecoration: "none",
    textAlign: "center",
    display: "block",
    padding: "14px 16px",
    borderRadius: "4px",
  },
  link: { color: colors.brand, textDecoration: "underline", wordBreak: "break-all" },
  // Padding on the side where the bullets are; mail clients ignore padding-inline-start, so the side is chosen by direction.
  list: { margin: "0 0 16px", fontSize: "16px", lineHeight: "24px", color: colors.text },
  hr: { borderColor: colors.border, margin: "24px 0 16px" },
  footer: { fontSize: "14px", lineHeight: "20px", color: colors.muted, margin: "0 0 8px" },
  // The city's band above the content (primary colour, checked at 4.5:1 with white); the logo on a white plate.
  band: { margin: "0 0 20px", padding: "12px 16px", borderRadius: "4px" },
  bandLogo: { display: "inline-block", height: "48px", width: "auto", backgroundColor: colors.white, padding: "4px", borderRadius: "4px", margin: "0 0 8px" },
  bandName: { fontSize: "18px", lineHeight: "24px", fontWeight: 700, color: colors.white, margin: "0" },
} satisfies Record<string, CSSProperties>;

/** Button and link styles in the e-mail's primary colour: the city's (checked at 4.5:1 with white), else the default. */
export function brandStyles(colour: string | undefined) {
  const brand = colour ?? colors.brand;
  return { button: { ...styles.button, backgroundColor: brand }, link: { ...styles.link, color: brand } };
}
