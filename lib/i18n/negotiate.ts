import { type Locale, locales } from "./routing";

/**
 * The supported locale an Accept-Language header ("en-GB,en;q=0.8,de;q=0.5") prefers most, or undefined when it
 * names none. Region variants count for their language ("de-AT" -> "de").
 */
export function preferredLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
      const quality = q ? Number(q[1]) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const language = tag.split("-")[0];
    const match = locales.find((l) => l === tag || l === language);
    if (match) return match;
  }
  return undefined;
}
