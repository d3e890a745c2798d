import "./zod-config";
import { z } from "zod";
import { MIN_TEXT_CONTRAST, carriesWhiteText, isHexColour } from "@/lib/domain/contrast";

// The city's look (administrators, /staff/verwaltung/erscheinungsbild). Every field may stay empty: the site then
// keeps its neutral default for it. Messages are keys of "branding.validation", then the shared "validation".

export const BRANDING_LIMITS = { cityName: 80, siteTitle: 80, logoAlt: 150, footerContact: 400 } as const;

/** One line of text; empty means "not set". Control characters are not text. */
const line = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .regex(/^[^\p{Cc}]*$/u, "invalid");

export const brandingSchema = z.object({
  cityName: line(BRANDING_LIMITS.cityName),
  siteTitle: line(BRANDING_LIMITS.siteTitle),
  /** "#RRGGBB", refused when white text on it is below 4.5:1 (it colours the header, buttons and links). */
  primaryColor: z
    .string({ error: "invalid" })
    .trim()
    .refine((v) => v === "" || isHexColour(v), "colourFormat")
    .refine((v) => v === "" || !isHexColour(v) || carriesWhiteText(v), "contrastTooLow")
    .transform((v) => v.toLowerCase()),
  logoAlt: line(BRANDING_LIMITS.logoAlt),
  /** A few lines (address, phone, e-mail); shown as plain text with its line breaks. */
  footerContact: z
    .string({ error: "invalid" })
    .max(BRANDING_LIMITS.footerContact, "tooLong")
    .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, "invalid")
    .transform((v) => v.replace(/\r\n?/g, "\n").trim()),
  /** "true" removes the stored logo (unless a new one is uploaded with the same save). */
  removeLogo: z.enum(["true", "false"], { error: "invalid" }).default("false").transform((v) => v === "true"),
});

export type BrandingInput = z.output<typeof brandingSchema>;

export { MIN_TEXT_CONTRAST };

/** The branding as pages, e-mails and the call-up display show it. Null fields keep the neutral default. */
export interface SiteBranding {
  cityName: string | null;
  siteTitle: string | null;
  primaryColor: string | null;
  footerContact: string | null;
  /** Where the logo is served (versioned, so it can be cached for long), with its text alternative. */
  logo: { url: string; alt: string; type: string } | null;
  /** Changes with every save; keys the stylesheet and logo URLs. */
  version: string;
}
