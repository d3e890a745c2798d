import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime, longDate } from "@/components/booking/format";
import { buttonSecondary, input } from "@/components/ui/styles";
import { addDays, localDateOf, type Slot } from "@/lib/domain";

/**
 * Choosing the day whose free times are listed: previous/next links, a date field (GET form) and the next free
 * slot when the day has none. `href(date)` builds the URL of a day; `hidden` keeps other query values.
 */
export async function SlotDayNav({
  date,
  today,
  lastBookable,
  timeZone,
  next,
  hasSlots,
  href,
  formAction,
  hidden = {},
  texts,
  dateForm = true,
}: {
  date: string;
  today: string;
  lastBookable: string;
  timeZone: string;
  next: Slot | null;
  hasSlots: boolean;
  href: (date: string) => string;
  formAction: string;
  hidden?: Record<string, string>;
  texts: "move" | "new";
  /** Off where the page already has a date field. */
  dateForm?: boolean;
}) {
  const t = await getTranslations("agenda");
  const format = await getFormatter();
  const nextDate = next ? localDateOf(next.start, timeZone) : null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        {dateForm && (
        <form method="get" action={formAction} className="flex flex-wrap items-end gap-2">
          {Object.entries(hidden).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div>
            <label htmlFor="slot-day" className="block font-semibold">
              {t("move.day")}
            </label>
            <input id="slot-day" name="tag" type="date" min={today} max={lastBookable} defaultValue={date} required className={input} />
          </div>
          <button type="submit" className={buttonSecondary}>
            {t("move.show")}
          </button>
        </form>
        )}
        <nav aria-label={t("nav.daysLabel")} className="flex flex-wrap gap-2">
          {date > today && (
            <Link href={href(addDays(date, -1))} className={buttonSecondary}>
              <span aria-hidden="true" className="me-1">‹</span>
              {t("move.previousDay")}
            </Link>
          )}
          {date < lastBookable && (
            <Link href={href(addDays(date, 1))} className={buttonSecondary}>
              {t("move.nextDay")}
              <span aria-hidden="true" className="ms-1">›</span>
            </Link>
          )}
        </nav>
      </div>
      {!hasSlots && (
        <p role="status">
          {t(`${texts}.noneOn`)}{" "}
          {next && nextDate ? (
            <>
              {t(`${texts}.next`, { date: longDate(format, next.start, timeZone), time: clockTime(format, next.start, timeZone) })}{" "}
              <Link href={href(nextDate)} className="text-brand underline">
                {t(`${texts}.nextLink`)}
              </Link>
            </>
          ) : (
            t(`${texts}.noneAtAll`)
          )}
        </p>
      )}
    </div>
  );
}
