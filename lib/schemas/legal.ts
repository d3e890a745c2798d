import "./zod-config";
import { z } from "zod";
import { locales } from "@/lib/i18n/routing";

// The legal texts editor (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit). Messages are
// translation keys of "legal.staff.validation", then the shared "validation" namespace.

export const LEGAL_KINDS = ["IMPRINT", "PRIVACY", "ACCESSIBILITY"] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];

/** A stored legal text as a page shows it. */
export interface ShownLegalText {
  body: string;
  /** The language of `body`: differs from the page's when the German text stands in. */
  locale: string;
  updatedAt: Date;
}

/** Texts for the whole site; every other scope is an office id (and then only the privacy addition). */
export const SITE_SCOPE = "site";

/** Long enough for a full privacy statement (about 8 printed pages), short enough to keep a page light. */
export const LEGAL_BODY_MAX = 30_000;

export const legalKindSchema = z.enum(LEGAL_KINDS, { error: "invalid" });
export const legalLocaleSchema = z.enum(locales, { error: "invalid" });

/** "site", or an office id (cuid) — an office's own scope is checked against the database by the service. */
export const legalScopeSchema = z
  .string({ error: "invalid" })
  .min(1, "invalid")
  .max(64, "invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "invalid");

/** An empty body removes the text: the page then falls back to German, or shows no office addition. */
export const legalBodySchema = z
  .string({ error: "invalid" })
  .max(LEGAL_BODY_MAX, "legalTooLong")
  // Line breaks and tabs are part of Markdown; other control characters (e.g. NUL) are not text.
  .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, "invalid")
  .transform((v) => v.replace(/\r\n?/g, "\n").trim());

export const legalTextSchema = z.object({
  scope: legalScopeSchema,
  kind: legalKindSchema,
  locale: legalLocaleSchema,
  body: legalBodySchema,
});

export type LegalTextInput = z.output<typeof legalTextSchema>;
