import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { addDays, datesBetween, localDateOf, type Slot } from "@/lib/domain";
import { Chevron } from "@/components/ui/chevron";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { clockTime, longDate, shortDay } from "./format";

/**
 * The calendar of free slots as plain links and buttons: works with keyboard, screen readers and without
 * JavaScript. Weeks and days are links (?woche=, ?tag=), each slot a submit button of one form.
 */
export async function SlotPicker({
  basePath,
  action,
  timeZone,
  next,
  week,
  day,
  slots,
  firstBookable,
  lastBookable,
}: {
  basePath: string;
  action: (form: FormData) => Promise<void>;
  timeZone: string;
  next: Slot | null;
  week: string;
  day: string | null;
  slots: Slot[];
  firstBookable: string;
  lastBookable: string;
}) {
  const t = await getTranslations("booking.slot");
  const tb = await getTranslations("booking");
  const format = await getFormatter();
  const days = datesBetween(week, addDays(week, 6));
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots) {
    const date = localDateOf(slot.start, timeZone);
    byDay.set(date, [...(byDay.get(date) ?? []), slot]);
  }
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);
  const selected = day ?? days.find((d) => byDay.has(d)) ?? null;
  const daySlots = selected ? (byDay.get(selected) ?? []) : [];
  const previousWeek = addDays(week, -7);
  const nextWeek = addDays(week, 7);
  const weekHref = (w: string) => `${basePath}?woche=${w}`;

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
          <p className="mt-2">{t("noneFree")}</p>
        )}
      </section>

      {next && (
        <section aria-labelledby="other-day">
          <h2 id="other-day" className="text-xl font-bold">
            {t("otherDay")}
          </h2>
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2">
            {week > firstBookable ? (
              <Link href={weekHref(previousWeek)} className={buttonSecondary}>
                <Chevron to="back" />
                {t("previousWeek")}
              </Link>
            ) : (
              <span />
            )}
            {nextWeek <= lastBookable && (
              <Link href={weekHref(nextWeek)} className={buttonSecondary}>
                {t("nextWeek")}
                <Chevron to="forward" />
              </Link>
            )}
          </div>
          <p className="mt-3 font-semibold" aria-live="polite">
            {t("week", {
              from: shortDay(format, noon(days[0]), "UTC"),
              to: shortDay(format, noon(days[6]), "UTC"),
            })}
          </p>
          <ul className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2" role="list">
            {days.map((d) => {
              const count = byDay.get(d)?.length ?? 0;
              return (
                <li key={d}>
                  {count > 0 ? (
                    <Link
                      href={`${basePath}?woche=${week}&tag=${d}#slots`}
                      aria-current={d === selected ? "date" : undefined}
                      className={`flex min-h-11 items-center justify-between rounded border-2 px-3 py-2 ${
                        d === selected ? "border-brand bg-brand text-white" : "border-brand bg-white text-brand"
                      }`}
                    >
                      <span className="font-semibold">{shortDay(format, noon(d), "UTC")}</span>
                      <span>{t("freeCount", { count })}</span>
                    </Link>
                  ) : (
                    <span className="flex min-h-11 items-center justify-between rounded border border-line bg-[#f8f8f8] px-3 py-2 text-muted">
                      <span>{shortDay(format, noon(d), "UTC")}</span>
                      <span>{t("closedOrFull")}</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>

          <section id="slots" aria-labelledby="slots-title" className="mt-6" tabIndex={-1}>
            {selected ? (
              <>
                <h3 id="slots-title" className="text-lg font-bold">
                  {t("slotsOn", { date: longDate(format, noon(selected), "UTC") })}
                </h3>
                {daySlots.length === 0 ? (
                  <p>{t("noSlotsOn")}</p>
                ) : (
                  <form action={action}>
                    <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-5" role="list">
                      {daySlots.map((slot) => {
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
