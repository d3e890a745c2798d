import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AppointmentSummary } from "@/components/booking/appointment-summary";
import { ConfirmForm } from "@/components/booking/confirm-form";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { findBookingByToken } from "@/lib/server/services/find-booking";
import { isChangeable } from "@/lib/domain/booking-status";
import { cancelBooking } from "../actions";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata() {
  const t = await getTranslations("booking.manage");
  return { title: t("cancelTitle"), robots: { index: false } };
}

/** "Termin absagen" asks first: which appointment, what cancelling means, and the one button that does it. */
export default async function CancelConfirmationPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const booking = await findBookingByToken(getDb(), p.token);
  if (!booking) notFound();
  // Cancelled or begun meanwhile: the manage page says so.
  if (!isChangeable(booking, new Date())) return redirect({ href: `/termin/${p.token}`, locale: p.locale });
  const t = await getTranslations("booking");
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("manage.cancelQuestion")}</h1>
      <AppointmentSummary booking={booking} before={[{ label: t("manage.reference"), value: booking.referenceCode }]} />
      <p className="mt-6">{t("manage.cancelConsequence")}</p>
      <ConfirmForm
        action={cancelBooking.bind(null, p.token)}
        label={t("manage.cancelTitle")}
        backHref={`/termin/${p.token}`}
        danger
      />
    </div>
  );
}
