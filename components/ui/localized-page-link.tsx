"use client";

import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { getPathname, usePathname } from "@/lib/i18n/navigation";
import { LANGUAGE_CHOSEN_COOKIE, type Locale } from "@/lib/i18n/routing";

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * A link to the page being shown, in another language. A plain link, rendered on the server, so it works without
 * JavaScript; the wizard's entries live in a cookie and stay. A click also remembers that the visitor chose a
 * language, so that the browser-language notice no longer appears.
 */
export function LocalizedPageLink({
  locale,
  className,
  current,
  children,
}: {
  locale: Locale;
  className?: string;
  current?: boolean;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const href = getPathname({ href: pathname, locale }) + (query ? `?${query}` : "");
  return (
    <a
      href={href}
      lang={locale}
      hrefLang={locale}
      aria-current={current ? "true" : undefined}
      className={className}
      onClick={() => {
        const secure = window.location.protocol === "https:" ? "; secure" : "";
        document.cookie = `${LANGUAGE_CHOSEN_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR}; samesite=lax${secure}`;
      }}
    >
      {children}
    </a>
  );
}
