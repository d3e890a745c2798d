import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AppointmentKind } from "@/lib/domain";
import type { LocationsDayStatus, LocationsWeek } from "@/lib/domain/any-location";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { messageWithTexts } from "@/components/ui/text-in-language";
import { DayReason, noonOf, WeekDay, WeekLinks } from "./calendar-parts";
import { clockTime, longDate, shortDay } from "./format";
import { OfficeText } from "./office-address";

/**
 * The calendar of "earliest at any location": the next free time across the offices that offer the service, and per
 * day the free times of each office under its name. Plain links and buttons like an office's own calendar (keyboard,
 * screen readers, no JavaScript needed); each time is a submit button of its office's form, which carries the office
 * and the persons, further catalogue entries and kind the times were listed for.
 */
export async function AnyLocationPicker({
  basePath,
  query,
  action,
  persons,
  further,
  kind,
  next,
  week,
  day,
  locations,
  days,
  firstBookable,
  lastBookable,
}: LocationsWeek & {
  /** The calendar's path, and its query besides week and day (persons, further services, kind). */
  basePath: string;
  query: string;
  action: (form: FormData) => Promise<void>;
  persons: number;
  /** Catalogue slugs of the further services, and the kind, the times were listed for. */
  further: readonly string[];
  kind: AppointmentKind;
}) {
  const t = await getTranslations("anyLocation");
  const tb = await getTranslations("booking");
  const format = await getFormatter();
  const locale = await getLocale();
  const location = new Map(locations.map((l) => [l.slug, l]));
  const selected = days.find((d) => d.date === day) ?? days.find((d) => d.status.kind === "free") ?? null;
  const href = (params: string) => `${basePath}?${query ? `${query}&` : ""}${params}`;
  const when = (start: Date, timeZone: string) =>
    tb("review.whenValue", { date: longDate(format, start, timeZone), time: clockTime(format, start, timeZone) });
  const hidden = (office: string) => (
    <>
      <input type="hidden" name="office" value={office} />
      <input type="hidden" name="persons" value={persons} />
      {further.map((slug) => (
        <input key={slug} type="hidden" name="further" value={slug} />
      ))}
      <input type="hidden" name="kind" value={kind} />
    </>
  );
  /** A day's reason across locations: one they all share (a holiday in the first one's region), else a general one. */
  const dayReason = (date: string, status: Exclude<LocationsDayStatus, { kind: "free" }>) =>
    status.kind === "noFreeTime" ? t("day.noFreeTime") : <DayReason date={date} status={status} holidayRegion={locations[0].holidayRegion} />;
  const nextAt = next ? location.get(next.office) : undefined;

  return (
    <div className="space-y-8">
      <section aria-labelledby="next-free" className="rounded border-4 border-brand bg-white p-4">
        <h2 id="next-free" className="text-xl font-bold">
          {t("nextFree")}
        </h2>
        {next && nextAt ? (
          <form action={action} className="mt-2 space-y-3">
            {hidden(next.office)}
            <p className="text-2xl font-bold">{when(next.start, nextAt.timeZone)}</p>
            <p className="text-lg" data-testid="next-free-office">
              {messageWithTexts((v) => t("at", v), { office: <OfficeText pageLocale={locale}>{nextAt.name}</OfficeText> })}
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
            {tb("slot.otherDay")}
          </h2>
          <WeekLinks week={week} firstBookable={firstBookable} lastBookable={lastBookable} weekHref={(w) => href(`woche=${w}`)} />
          <p className="mt-3 font-semibold" aria-live="polite">
            {tb("slot.week", { from: shortDay(format, noonOf(days[0].date), "UTC"), to: shortDay(format, noonOf(days[6].date), "UTC") })}
          </p>
          <ul className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2" role="list">
            {days.map(({ date, status, locations: byLocation }) => {
              const count = byLocation.reduce((n, l) => n + l.slots.length, 0);
              const at = byLocation.filter((l) => l.slots.length > 0).length;
              return (
                <WeekDay
                  key={date}
                  label={shortDay(format, noonOf(date), "UTC")}
                  href={`${href(`woche=${week}&tag=${date}`)}#slots`}
                  selected={date === selected?.date}
                  free={status.kind === "free" ? t("dayCount", { count, locations: at }) : undefined}
                  reason={status.kind === "free" ? undefined : dayReason(date, status)}
                />
              );
            })}
          </ul>

          <section id="slots" aria-labelledby="slots-title" className="mt-6" tabIndex={-1}>
            {selected ? (
              <>
                <h3 id="slots-title" className="text-lg font-bold">
                  {tb("slot.slotsOn", { date: longDate(format, noonOf(selected.date), "UTC") })}
                </h3>
                <div className="mt-2 space-y-4">
                  {selected.locations.map(({ office, status, slots }) => {
                    const place = location.get(office)!;
                    const name = <OfficeText pageLocale={locale}>{place.name}</OfficeText>;
                    const headingId = `location-${office}`;
                    return (
                      <section key={office} aria-labelledby={headingId} className="rounded border border-line bg-white p-3">
                        <h4 id={headingId} className="text-base font-bold">
                          {name}
                        </h4>
                        {status.kind === "free" && slots.length > 0 ? (
                          <form action={action}>
                            {hidden(office)}
                            <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-5" role="list">
                              {slots.map((slot) => {
                                const time = clockTime(format, slot.start, place.timeZone);
                                return (
                                  <li key={slot.start.toISOString()}>
                                    <button
                                      type="submit"
                                      name="start"
                                      value={slot.start.toISOString()}
                                      aria-label={t("timeLabel", { date: longDate(format, slot.start, place.timeZone), time, office: place.name })}
                                      className={`${buttonSecondary} w-full`}
                                    >
                                      {time}
                                    </button>
                                  </li>
                                );
                              })}
                            </ul>
                          </form>
                        ) : (
                          <p className="mt-1 text-muted">
                            {messageWithTexts((v) => t("locationNone", v), {
                              reason:
                                status.kind === "free" ? (
                                  tb("slot.day.fullyBooked")
                                ) : (
                                  <DayReason date={selected.date} status={status} holidayRegion={place.holidayRegion} />
                                ),
                            })}
                          </p>
                        )}
                      </section>
                    );
                  })}
                </div>
              </>
            ) : (
              <p id="slots-title">{tb("slot.chooseDay")}</p>
            )}
          </section>
        </section>
      )}
    </div>
  );
}
