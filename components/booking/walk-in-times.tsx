import { getLocale, getTranslations } from "next-intl/server";
import { TextInLanguage } from "@/components/ui/text-in-language";
import type { DayPart } from "@/lib/domain/waitlist";

/** A service that takes walk-ins, with what the office's queue says about it now (walkInWaitTimes). */
export interface WalkInService {
  id: string;
  name: string;
  /** The language of the name: the page's, or German where the office has not translated it. */
  nameLocale: string;
  dayParts: DayPart[];
  open: boolean;
  full: boolean;
  /** Rounded to five minutes; null unless open and not full. */
  minutes: number | null;
}

/**
 * The office page's walk-in notice: for each service that takes visitors without an appointment, the expected wait
 * today, "no more walk-ins today" when the queue is full, or the parts of the day in which walk-ins are taken.
 */
export async function WalkInTimes({ services }: { services: WalkInService[] }) {
  if (services.length === 0) return null;
  const t = await getTranslations("walkIns");
  const locale = await getLocale();
  const status = (s: WalkInService) => {
    if (s.full) return t("full");
    if (s.open && s.minutes !== null) return s.minutes === 0 ? t("noWait") : t("waitToday", { minutes: s.minutes });
    return t("dayParts", { parts: s.dayParts.length === 1 ? s.dayParts[0] : "all" });
  };
  return (
    <section aria-labelledby="walk-ins-title" className="mb-6 rounded border border-line bg-white p-4">
      <h2 id="walk-ins-title" className="text-xl font-bold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-muted">{t("intro")}</p>
      <ul className="mt-3 divide-y divide-line">
        {services.map((s) => (
          <li key={s.id} className="py-2">
            <TextInLanguage locale={s.nameLocale} pageLocale={locale} className="block font-semibold">
              {s.name}
            </TextInLanguage>
            <span className={`block ${s.full ? "font-semibold text-error" : ""}`}>{status(s)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
