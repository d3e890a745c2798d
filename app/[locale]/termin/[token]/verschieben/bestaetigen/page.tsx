import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ConfirmForm } from "@/components/booking/confirm-form";
import { clockTime, longDate } from "@/components/booking/format";
import { SummaryList } from "@/components/booking/summary-list";
import { localDateOf } from "@/lib/domain";
import { redirect } from "@/lib/i18n/navigation";
import { slotChoiceSchema } from "@/lib/schemas/booking";
import { getDb } from "@/lib/server/db";
import { findBookingByToken } from "@/lib/server/services/find-booking";
import { canPickNewTime } from "@/lib/server/services/manage-rules";
import { findMoveProblem } from "@/lib/server/services/find-move-problem";
import { rescheduleBooking } from "../../actions";

type Params = Promise<{ locale: string; token: string }>;
type Search = Promise<{ neu?: string }>;

export async function generateMetadata() {
  const t = await getTranslations("booking.manage");
  return { title: t("rescheduleConfirm"), robots: { index: false } };
}

/** The time tapped on the move page, beside the current one ("bisher ... → neu ..."), moved only when confirmed. */
export default async function RescheduleConfirmationPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const booking = await findBookingByToken(getDb(), p.token);
  if (!booking) notFound();
  const now = new Date();
  if (!canPickNewTime(booking, now)) return redirect({ href: `/termin/${p.token}`, locale: p.locale });
  const movePage = `/termin/${p.token}/verschieben`;
  const chosen = slotChoiceSchema.safeParse({ start: q.neu });
  if (!chosen.success) return redirect({ href: `${movePage}?fehler=SLOT_NOT_OFFERED`, locale: p.locale });
  const start = new Date(chosen.data.start);
  // A link kept open too long, or typed by hand: the calendar says what is wrong and offers other times.
  const problem = await findMoveProblem(getDb(), { booking, start, now });
  if (problem) return redirect({ href: `${movePage}?fehler=${problem}`, locale: p.locale });
  const t = await getTranslations("booking");
  const format = await getFormatter();
  const tz = booking.office.timeZone;
  const when = (d: Date) => t("review.whenValue", { date: longDate(format, d, tz), time: clockTime(format, d, tz) });
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("manage.rescheduleQuestion")}</h1>
      <SummaryList
        rows={[
          { label: t("manage.rescheduleFrom"), value: when(booking.startsAt) },
          { label: t("manage.rescheduleTo"), value: <strong>{when(start)}</strong> },
        ]}
      />
      <p className="mt-6">{t(booking.status === "CANCELLED" ? "manage.newTimeConsequence" : "manage.rescheduleConsequence")}</p>
      <ConfirmForm
        action={rescheduleBooking.bind(null, p.token)}
        label={t("manage.rescheduleConfirm")}
        backHref={`${movePage}?tag=${localDateOf(start, tz)}#slots`}
        fields={{ start: start.toISOString() }}
      />
    </div>
  );
}
