import { type Locale, locales } from "./routing";

/** Each language named in itself ("Deutsch", "Türkçe", "العربية"), as CLDR spells it, with a capital where usual. */
export function nativeLanguageName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export const languageChoices = (): { locale: Locale; name: string }[] =>
  locales.map((locale) => ({ locale, name: nativeLanguageName(locale) }));
