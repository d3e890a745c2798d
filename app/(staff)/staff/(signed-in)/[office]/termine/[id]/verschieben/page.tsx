import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime, longDate } from "@/components/booking/format";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { SlotDayNav } from "@/components/staff/agenda/slot-day-nav";
import { errorText } from "@/components/staff/agenda/texts";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary } from "@/components/ui/styles";
import { queryDate } from "@/lib/schemas/staff-booking";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { displayName } from "@/lib/server/services/staff/common";
import { listSlotsForMove } from "@/lib/server/services/staff/staff-slots";
import { isChangeable } from "@/lib/domain/booking-status";
import { moveAppointment } from "../../../actions";

type Params = Promise<{ office: string; id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agenda");
  return { title: t("move.title") };
}

export default async function MoveAppointmentPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug, id } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() => listSlotsForMove(getDb(), staff, { bookingId: id, date: queryDate(q.tag), now }));
  if (!result.ok) return <PageProblem code={result.code} />;
  const day = result.data;
  const { booking } = day;
  if (booking.office.slug !== officeSlug) notFound();
  const detail = `/staff/${officeSlug}/termine/${booking.id}`;
  if (!isChangeable(booking, now)) redirect(`${detail}?fehler=APPOINTMENT_PAST`);

  const t = await getTranslations("agenda");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const tz = day.timeZone;
  const self = `${detail}/verschieben`;
  const failed = typeof q.fehler === "string" ? q.fehler : null;
  const noon = new Date(`${day.date}T12:00:00Z`);

  return (
    <div className="space-y-6">
      <Link href={detail} className="inline-flex min-h-11 items-center text-brand underline">
        <span aria-hidden="true" className="me-1">‹</span>
        {t("move.back")}
      </Link>
      <div>
        <h1 className="text-3xl font-bold">{t("move.title")}</h1>
        <p className="mt-1 text-lg">
          {t("move.current", {
            date: longDate(format, booking.startsAt, tz),
            time: clockTime(format, booking.startsAt, tz),
            service: booking.service.name,
            name: displayName(booking) ?? t("table.erased"),
          })}
        </p>
        <p className="mt-1">{booking.email ? t("move.mailNote") : t("move.noMailNote")}</p>
      </div>

      {failed && <Alert kind="error">{errorText(t, te, failed)}</Alert>}

      <section aria-labelledby="day-title" className="space-y-4">
        <h2 id="day-title" className="sr-only">
          {t("move.dayForm")}
        </h2>
        <SlotDayNav
          date={day.date}
          today={day.today}
          lastBookable={day.lastBookable}
          timeZone={tz}
          next={day.next}
          hasSlots={day.slots.length > 0}
          href={(d) => `${self}?tag=${d}`}
          formAction={self}
          texts="move"
        />
      </section>

      {day.slots.length > 0 && (
        <section aria-labelledby="slots-title">
          <h2 id="slots-title" className="text-xl font-bold">
            {t("move.slotsOn", { date: longDate(format, noon, "UTC") })}
          </h2>
          <form action={moveAppointment}>
            <input type="hidden" name="bookingId" value={booking.id} />
            <input type="hidden" name="back" value={`${self}?tag=${day.date}`} />
            <ul className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-6 lg:grid-cols-8" role="list">
              {day.slots.map((slot) => {
                const time = clockTime(format, slot.start, tz);
                return (
                  <li key={slot.start.toISOString()}>
                    <button
                      type="submit"
                      name="start"
                      value={slot.start.toISOString()}
                      aria-label={t("move.slotLabel", { date: longDate(format, slot.start, tz), time })}
                      className={`${buttonSecondary} w-full tabular-nums`}
                    >
                      {time}
                    </button>
                  </li>
                );
              })}
            </ul>
          </form>
        </section>
      )}
    </div>
  );
}
