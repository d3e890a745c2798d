import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { type DayStatus, type LocalDate, addDays, holidayName } from "@/lib/domain";
import { Chevron } from "@/components/ui/chevron";
import { buttonSecondary } from "@/components/ui/styles";
import { TextInLanguage, messageWithTexts } from "@/components/ui/text-in-language";
import { Link } from "@/lib/i18n/navigation";

// Parts the slot calendars share: an office's own and the one across locations.

/** Why a day offers no time; a holiday's name in the page's language where known, else in German, marked so. */
export async function DayReason({
  date,
  status,
  holidayRegion,
}: {
  date: LocalDate;
  status: Exclude<DayStatus, { kind: "free" }>;
  holidayRegion: string;
}) {
  const t = await getTranslations("booking.slot");
  const locale = await getLocale();
  if (status.kind !== "holiday") return <>{t(`day.${status.kind}`)}</>;
  const name = holidayName(holidayRegion, date, locale) ?? { name: status.holiday.name, language: "de" };
  return (
    <>
      {messageWithTexts((values) => t("day.holiday", values), {
        name: (
          <TextInLanguage locale={name.language} pageLocale={locale}>
            {name.name}
          </TextInLanguage>
        ),
      })}
    </>
  );
}

/**
 * One day of the week's list: a link to its times (`free` says how many) when it has free ones, else `reason`, why
 * not. `label` is the day's short name.
 */
export function WeekDay({ label, href, selected, free, reason }: { label: string; href: string; selected: boolean; free?: string; reason?: ReactNode }) {
  return (
    <li>
      {free !== undefined ? (
        <Link
          href={href}
          aria-current={selected ? "date" : undefined}
          className={`flex min-h-11 items-center justify-between gap-2 rounded border-2 px-3 py-2 ${
            selected ? "border-brand bg-brand text-white" : "border-brand bg-white text-brand"
          }`}
        >
          <span className="font-semibold">{label}</span>
          <span className="text-end">{free}</span>
        </Link>
      ) : (
        <span className="flex min-h-11 items-center justify-between gap-2 rounded border border-line bg-[#f8f8f8] px-3 py-2 text-muted">
          <span className="shrink-0">{label}</span>
          <span className="text-end">{reason}</span>
        </span>
      )}
    </li>
  );
}

/** Links to the previous and the next week; a week with no bookable day gets no link at all. */
export async function WeekLinks({
  week,
  firstBookable,
  lastBookable,
  weekHref,
}: {
  week: LocalDate;
  firstBookable: LocalDate;
  lastBookable: LocalDate;
  weekHref: (week: LocalDate) => string;
}) {
  const t = await getTranslations("booking.slot");
  const nextWeek = addDays(week, 7);
  // Two columns at any width, so the buttons stay side by side at 360 px.
  return (
    <div className="mt-3 grid grid-cols-2 gap-2">
      {addDays(week, -1) >= firstBookable && (
        <Link href={weekHref(addDays(week, -7))} className={`${weekButton} col-start-1`}>
          <Chevron to="back" />
          {t("previousWeek")}
        </Link>
      )}
      {nextWeek <= lastBookable && (
        <Link href={weekHref(nextWeek)} className={`${weekButton} col-start-2`}>
          {t("nextWeek")}
          <Chevron to="forward" />
        </Link>
      )}
    </div>
  );
}

// Narrower padding than other buttons: two of them share a 360 px line, and a long label wraps inside its button.
const weekButton = `${buttonSecondary} w-full px-2 text-center`;

/** Noon UTC of a local date: formatted in UTC, it shows that date whatever the time zone. */
export function noonOf(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}
