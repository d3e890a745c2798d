import { getFormatter, getTranslations } from "next-intl/server";
import { type DayStatus, type LocalDate, type Slot, type SlotWeek, localDateOf } from "@/lib/domain";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { messageWithTexts } from "@/components/ui/text-in-language";
import { DayReason, noonOf as noon, WeekDay, WeekLinks } from "./calendar-parts";
import { clockTime, longDate, shortDay } from "./format";

/**
 * The calendar of free slots as plain links and buttons: works with keyboard, screen readers and without
 * JavaScript. Weeks and days are links (?woche=, ?tag=), each slot a submit button of one form. A day without free
 * times says why, as the domain decided it (closed, holiday, fully booked, over, ...).
 */
export async function SlotPicker({
  basePath,
  action,
  timeZone,
  next,
  week,
  day,
  slots,
  days,
  firstBookable,
  lastBookable,
  holidayRegion,
  waitlistOffered = false,
}: SlotWeek & {
  basePath: string;
  action: (form: FormData) => Promise<void>;
  /** The page offers the waiting list for this service: then "check back in a few days" would send people refreshing. */
  waitlistOffered?: boolean;
}) {
  const t = await getTranslations("booking.slot");
  const tb = await getTranslations("booking");
  const format = await getFormatter();
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots) {
    const date = localDateOf(slot.start, timeZone);
    byDay.set(date, [...(byDay.get(date) ?? []), slot]);
  }
  const selected = days.find((d) => d.date === day) ?? days.find((d) => d.status.kind === "free") ?? null;
  const noTimeReason = (date: LocalDate, status: Exclude<DayStatus, { kind: "free" }>) => (
    <DayReason date={date} status={status} holidayRegion={holidayRegion} />
  );

  return (
    <div className="space-y-8">
      <section aria-labelledby="next-free" className="rounded border-4 border-brand bg-white p-4">
        <h2 id="next-free" className="text-xl font-bold">
          {t("nextFree")}
        </h2>
        {next ? (
          <form action={action} className="mt-2 space-y-3">
            <p className="text-2xl font-bold">
              {tb("review.whenValue", {
                date: longDate(format, next.start, timeZone),
                time: clockTime(format, next.start, timeZone),
              })}
            </p>
            <button type="submit" name="start" value={next.start.toISOString()} className={buttonPrimary}>
              {t("takeNext")}
            </button>
          </form>
        ) : (
          <p className="mt-2">{t(waitlistOffered ? "noneFreeNow" : "noneFree")}</p>
        )}
      </section>

      {next && (
        <section aria-labelledby="other-day">
          <h2 id="other-day" className="text-xl font-bold">
            {t("otherDay")}
          </h2>
          <WeekLinks week={week} firstBookable={firstBookable} lastBookable={lastBookable} weekHref={(w) => `${basePath}?woche=${w}`} />
          <p className="mt-3 font-semibold" aria-live="polite">
            {t("week", {
              from: shortDay(format, noon(days[0].date), "UTC"),
              to: shortDay(format, noon(days[6].date), "UTC"),
            })}
          </p>
          <ul className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2" role="list">
            {days.map(({ date: d, status }) => {
              const count = byDay.get(d)?.length ?? 0;
              return (
                <WeekDay
                  key={d}
                  label={shortDay(format, noon(d), "UTC")}
                  href={`${basePath}?woche=${week}&tag=${d}#slots`}
                  selected={d === selected?.date}
                  free={status.kind === "free" ? t("freeCount", { count }) : undefined}
                  reason={status.kind === "free" ? undefined : noTimeReason(d, status)}
                />
              );
            })}
          </ul>

          <section id="slots" aria-labelledby="slots-title" className="mt-6" tabIndex={-1}>
            {selected ? (
              <>
                <h3 id="slots-title" className="text-lg font-bold">
                  {t("slotsOn", { date: longDate(format, noon(selected.date), "UTC") })}
                </h3>
                {selected.status.kind !== "free" ? (
                  <p>
                    {messageWithTexts((values) => t("noSlotsOn", values), {
                      reason: noTimeReason(selected.date, selected.status),
                    })}
                  </p>
                ) : (
                  <form action={action}>
                    <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-5" role="list">
                      {(byDay.get(selected.date) ?? []).map((slot) => {
                        const time = clockTime(format, slot.start, timeZone);
                        return (
                          <li key={slot.start.toISOString()}>
                            <button
                              type="submit"
                              name="start"
                              value={slot.start.toISOString()}
                              aria-label={t("timeLabel", { date: longDate(format, slot.start, timeZone), time })}
                              className={`${buttonSecondary} w-full`}
                            >
                              {time}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </form>
                )}
              </>
            ) : (
              <p id="slots-title">{t("chooseDay")}</p>
            )}
          </section>
        </section>
      )}
    </div>
  );
}
