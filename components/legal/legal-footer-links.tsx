import { getTranslations } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";
import { defaultLocale } from "@/lib/i18n/routing";

// The links every page carries in its footer (Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache). Plain
// links: the legal pages are server-rendered, so nothing here needs client JavaScript.

const LINKS = [
  { key: "imprint", path: "/impressum" },
  { key: "privacy", path: "/datenschutz" },
  { key: "accessibility", path: "/barrierefreiheit" },
  { key: "easyLanguage", path: "/leichte-sprache" },
] as const;

/** The pictogram German public websites put next to "Leichte Sprache": an open book. */
function EasyLanguageIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M12 6c-2-1.5-5-2-9-2v14c4 0 7 .5 9 2 2-1.5 5-2 9-2V4c-4 0-7 .5-9 2z" strokeLinejoin="round" />
      <path d="M12 6v14" />
    </svg>
  );
}

export async function LegalFooterLinks({ locale = defaultLocale }: { locale?: string }) {
  const t = await getTranslations("legal.footer");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-x-6">
        {LINKS.map(({ key, path }) => (
          <li key={key}>
            <a
              href={getPathname({ href: path, locale })}
              lang={key === "easyLanguage" && locale !== defaultLocale ? defaultLocale : undefined}
              className="inline-flex min-h-11 items-center gap-2 text-brand underline underline-offset-2 hover:text-brand-dark"
            >
              {key === "easyLanguage" && <EasyLanguageIcon />}
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
