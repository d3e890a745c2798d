import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime, longDate, shortDay } from "@/components/booking/format";
import { agendaHref } from "@/components/staff/agenda/day-toolbar";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { WeekCalendar } from "@/components/staff/agenda/week-calendar";
import type { HalfHour } from "@/components/staff/agenda/week-calendar-view";
import { buttonSecondary } from "@/components/ui/styles";
import { addDays, appointmentEndMinute, datesBetween, localMinuteOf, startOfWeek, weekdayOf, zonedInstant } from "@/lib/domain";
import { queryDate } from "@/lib/schemas/staff-booking";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listAgenda } from "@/lib/server/services/staff/list-agenda";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agenda");
  return { title: t("nav.week") };
}

const noon = (date: string) => new Date(`${date}T12:00:00Z`);
/** The week shows appointments counted per half hour. */
const HALF_HOUR = 30;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}:00`;

export default async function WeekPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() =>
    listAgenda(getDb(), staff, { officeSlug, from: queryDate(q.woche), span: "week", now }),
  );
  if (!result.ok) return <PageProblem code={result.code} />;
  const agenda = result.data;
  const { office } = agenda;
  const tz = office.timeZone;
  const week = agenda.from;
  const days = datesBetween(week, addDays(week, 6));
  const t = await getTranslations("agenda");
  const format = await getFormatter();

  // The grid spans the booked times (at least 08:00-16:00), in whole hours.
  let first = 8 * 60;
  let last = 16 * 60;
  for (const r of agenda.rows) {
    first = Math.min(first, localMinuteOf(r.startsAt, tz));
    last = Math.max(last, appointmentEndMinute(r.startsAt, r.endsAt, tz));
  }
  const slotMinTime = hhmm(Math.floor(first / 60) * 60);
  const slotMaxTime = hhmm(Math.min(24 * 60, Math.ceil(last / 60) * 60));
  const showWeekend = agenda.rows.some((r) => weekdayOf(r.date) >= 6);

  const counts = new Map<string, number>();
  for (const r of agenda.rows) if (r.status !== "CANCELLED") counts.set(r.date, (counts.get(r.date) ?? 0) + 1);

  // The appointments that start in each half hour (cancelled ones are left out, as in the day links above).
  const halfHours = new Map<string, HalfHour>();
  for (const r of agenda.rows) {
    if (r.status === "CANCELLED") continue;
    const minute = Math.floor(localMinuteOf(r.startsAt, tz) / HALF_HOUR) * HALF_HOUR;
    const key = `${r.date}-${minute}`;
    let half = halfHours.get(key);
    if (!half) {
      const start = new Date(zonedInstant(r.date, minute, tz));
      const end = new Date(zonedInstant(r.date, Math.min(minute + HALF_HOUR, 24 * 60), tz));
      half = {
        key,
        start: start.toISOString(),
        end: end.toISOString(),
        when: t("week.halfHour", { day: longDate(format, noon(r.date), "UTC"), from: clockTime(format, start, tz), to: clockTime(format, end, tz) }),
        appointments: [],
      };
      halfHours.set(key, half);
    }
    half.appointments.push({
      id: r.id,
      url: `/staff/${office.slug}/termine/${r.id}`,
      status: r.status,
      service: r.service.name,
      name: r.name ?? t("table.erased"),
      time: clockTime(format, r.startsAt, tz),
    });
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-lg text-muted">
            {office.authority} · {office.name}
          </p>
          <h1 className="text-3xl font-bold">
            {t("week.title", { from: shortDay(format, noon(days[0]), "UTC"), to: shortDay(format, noon(days[6]), "UTC") })}
          </h1>
        </div>
        <nav aria-label={t("nav.viewsLabel")} className="flex flex-wrap gap-2">
          <Link href={`/staff/${office.slug}/woche?woche=${addDays(week, -7)}`} className={buttonSecondary}>
            <span aria-hidden="true" className="me-1">‹</span>
            {t("week.previous")}
          </Link>
          {startOfWeek(agenda.today) !== week && (
            <Link href={`/staff/${office.slug}/woche`} className={buttonSecondary}>
              {t("week.thisWeek")}
            </Link>
          )}
          <Link href={`/staff/${office.slug}/woche?woche=${addDays(week, 7)}`} className={buttonSecondary}>
            {t("week.next")}
            <span aria-hidden="true" className="ms-1">›</span>
          </Link>
        </nav>
      </div>

      <nav aria-labelledby="days-title">
        <h2 id="days-title" className="text-xl font-bold">
          {t("week.days")}
        </h2>
        <ul className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4" role="list">
          {days.map((d) => (
            <li key={d}>
              <Link
                href={agendaHref(office.slug, { tag: d })}
                aria-current={d === agenda.today ? "date" : undefined}
                className={`flex min-h-11 items-center rounded border-2 px-3 py-2 underline-offset-2 hover:underline ${
                  d === agenda.today ? "border-brand bg-brand text-white" : "border-brand bg-white text-brand"
                }`}
              >
                {t("week.dayLink", { day: shortDay(format, noon(d), "UTC"), count: counts.get(d) ?? 0 })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {agenda.rows.length === 0 ? (
        <p>{t("week.empty")}</p>
      ) : (
        <WeekCalendar
          week={week}
          timeZone={tz}
          slotMinTime={slotMinTime}
          slotMaxTime={slotMaxTime}
          showWeekend={showWeekend}
          halfHours={[...halfHours.values()]}
        />
      )}
    </div>
  );
}
