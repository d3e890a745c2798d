import { getTranslations } from "next-intl/server";
import { languageChoices } from "@/lib/i18n/language-names";
import { directionOf, type Locale } from "@/lib/i18n/routing";
import { LocalizedPageLink } from "./localized-page-link";

/**
 * The language menu in the header of every public page: a disclosure (works without JavaScript and by keyboard)
 * whose links lead to the same page in each language, each named in its own language.
 */
export async function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = await getTranslations("common.language");
  const choices = languageChoices();
  const currentName = choices.find((c) => c.locale === locale)?.name;
  return (
    <details className="group relative ms-auto">
      <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center gap-2 rounded px-2 font-semibold underline-offset-4 hover:underline [&::-webkit-details-marker]:hidden">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="12" cy="12" r="10" />
          <path d="M2 12h20M12 2a15 15 0 0 1 0 20M12 2a15 15 0 0 0 0 20" />
        </svg>
        <span className="sr-only">{t("label")}: </span>
        <span lang={locale}>{currentName}</span>
        <svg aria-hidden="true" viewBox="0 0 12 12" className="h-3 w-3 shrink-0 transition-transform group-open:rotate-180" fill="currentColor">
          <path d="M1 4l5 5 5-5z" />
        </svg>
      </summary>
      <ul className="absolute end-0 z-40 mt-1 w-56 rounded border border-line bg-white py-1 text-ink shadow-lg" role="list">
        {choices.map((choice) => (
          <li key={choice.locale}>
            <LocalizedPageLink
              locale={choice.locale}
              current={choice.locale === locale}
              className="flex min-h-11 items-center px-4 text-lg text-brand underline-offset-4 hover:bg-[#e8f0f8] hover:underline aria-[current=true]:font-bold aria-[current=true]:text-ink"
            >
              <span dir={directionOf(choice.locale)}>{choice.name}</span>
            </LocalizedPageLink>
          </li>
        ))}
      </ul>
    </details>
  );
}
