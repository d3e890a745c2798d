import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/ui/language-switch";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The kiosk's screen: the site's header and footer are hidden (`data-screen`, as on the call-up display), so a
 * citizen cannot leave the kiosk for other pages; its own bar keeps the office's name and the language switch.
 */
export function KioskFrame({ locale, officeName, children }: { locale: Locale; officeName: string; children: ReactNode }) {
  return (
    <div data-screen="kiosk" className="space-y-6">
      <div className="-mx-4 -mt-6 flex flex-wrap items-center justify-between gap-2 bg-brand px-4 py-2 text-white print:hidden">
        <p className="text-xl font-bold" lang="de">
          {officeName}
        </p>
        <LanguageSwitch locale={locale} />
      </div>
      {children}
    </div>
  );
}
