import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BackLink } from "@/components/booking/back-link";
import { errorKey } from "@/components/booking/error-key";
import { clockTime, longDate } from "@/components/booking/format";
import { SlotPicker } from "@/components/booking/slot-picker";
import { Alert } from "@/components/ui/alert";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { findBookingByToken } from "@/lib/server/services/find-booking";
import { canPickNewTime } from "@/lib/server/services/manage-rules";
import { loadSlotCalendar } from "@/lib/server/services/slot-calendar";
import { appointmentOfBooking } from "@/lib/server/services/list-slots";
import { bookingAccess } from "@/lib/domain/access";
import { rescheduleBooking } from "../actions";

type Params = Promise<{ locale: string; token: string }>;
type Search = Promise<{ woche?: string; tag?: string; fehler?: string }>;

export async function generateMetadata() {
  const t = await getTranslations("booking.titles");
  return { title: t("reschedule"), robots: { index: false } };
}

export default async function ReschedulePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const booking = await findBookingByToken(getDb(), p.token);
  const now = new Date();
  if (!booking || !canPickNewTime(booking, now)) return redirect({ href: `/termin/${p.token}`, locale: p.locale });
  const t = await getTranslations("booking");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const tz = booking.office.timeZone;
  const calendar = await loadSlotCalendar(getDb(), {
    officeSlug: booking.office.slug,
    serviceSlug: booking.service.slug,
    persons: booking.persons,
    access: bookingAccess(booking),
    now,
    week: q.woche,
    day: q.tag,
    excludeBookingId: booking.id,
    // The same services and kind: the times listed are those of the combination.
    appointment: appointmentOfBooking(booking),
  });
  const error = errorKey(q.fehler);
  return (
    <div>
      <BackLink href={`/termin/${p.token}`} />
      <h1 className="mb-2 text-3xl font-bold">{t("manage.rescheduleTitle")}</h1>
      <p className="mb-6">
        {t(booking.status === "CANCELLED" ? "manage.newTimeIntro" : "manage.rescheduleIntro", {
          date: longDate(format, booking.startsAt, tz),
          time: clockTime(format, booking.startsAt, tz),
        })}
      </p>
      {error && <Alert kind="error">{te(error)}</Alert>}
      <SlotPicker
        basePath={`/termin/${p.token}/verschieben`}
        action={rescheduleBooking.bind(null, p.token)}
        {...calendar}
      />
    </div>
  );
}
