import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AppointmentSummary } from "@/components/booking/appointment-summary";
import { ConfirmForm } from "@/components/booking/confirm-form";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { findBookingByToken } from "@/lib/server/services/find-booking";
import { declineHeldOffer } from "../actions";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata() {
  const t = await getTranslations("offers");
  return { title: t("decline"), robots: { index: false } };
}

/** "Angebot ablehnen" asks first: which time, what declining means, and the one button that does it. */
export default async function DeclineOfferPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const booking = await findBookingByToken(getDb(), p.token);
  if (!booking) notFound();
  // No open offer (any more): the manage page says what became of it.
  if (booking.offer?.outcome !== "OPEN" || booking.status !== "HELD") return redirect({ href: `/termin/${p.token}`, locale: p.locale });
  const t = await getTranslations("booking");
  const to = await getTranslations("offers");
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{to("declineQuestion")}</h1>
      <AppointmentSummary booking={booking} before={[{ label: t("manage.reference"), value: booking.referenceCode }]} />
      <p className="mt-6">{to("declineConsequence")}</p>
      <ConfirmForm action={declineHeldOffer.bind(null, p.token)} label={to("decline")} backHref={`/termin/${p.token}`} danger />
    </div>
  );
}
