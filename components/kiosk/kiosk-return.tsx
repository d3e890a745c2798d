"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { kioskSecondary } from "./styles";

// The answer goes back to the start screen by itself, so the next person does not see it. A visible countdown
// and a button to keep it longer make the limit adjustable (WCAG 2.2.1).

export function KioskReturn({ href, seconds }: { href: string; seconds: number }) {
  const t = useTranslations("checkin.answer");
  const router = useRouter();
  const [left, setLeft] = useState(seconds);
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (kept) return;
    if (left <= 0) {
      router.replace(href);
      return;
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, kept, href, router]);
  return (
    <div className="space-y-3 print:hidden">
      <p className="text-lg text-muted" data-testid="kiosk-countdown">
        {kept ? t("kept") : t("backIn", { seconds: Math.max(left, 0) })}
      </p>
      {!kept && (
        <button type="button" className={kioskSecondary} onClick={() => setKept(true)}>
          {t("keep")}
        </button>
      )}
    </div>
  );
}

/** "Ticket drucken": the browser's print dialogue, or the attached printer in kiosk printing mode. */
export function PrintButton({ label, className }: { label: string; className: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-8 w-8" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 9V3h12v6M6 18H4a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-2M6 14h12v7H6z" />
      </svg>
      {label}
    </button>
  );
}
