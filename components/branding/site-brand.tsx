import type { SiteBranding } from "@/lib/schemas/branding";
import { languageAttributes } from "@/components/ui/text-in-language";

/**
 * The city's logo and name for a header: the logo on a white plate (a logo drawn for paper must stay visible on the
 * primary colour), the city's name above the site's title. Without branding, the title alone, as before. The
 * administrators' texts are German; `titleLocale` says which language the title is in.
 */
export function SiteBrand({
  branding,
  title,
  titleLocale,
  locale,
}: {
  branding: SiteBranding | null;
  title: string;
  titleLocale: string;
  locale: string;
}) {
  const german = languageAttributes("de", locale);
  return (
    <span className="inline-flex items-center gap-3">
      {branding?.logo && (
        <img
          src={branding.logo.url}
          alt={branding.logo.alt}
          {...german}
          className="h-11 w-auto max-w-40 shrink-0 rounded bg-white object-contain p-1"
        />
      )}
      <span className="flex flex-col leading-tight">
        {branding?.cityName && (
          <span {...german} className="text-sm font-normal">
            {branding.cityName}
          </span>
        )}
        <span {...languageAttributes(titleLocale, locale)}>{title}</span>
      </span>
    </span>
  );
}
