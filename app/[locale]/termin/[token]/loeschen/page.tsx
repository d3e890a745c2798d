import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AppointmentSummary } from "@/components/booking/appointment-summary";
import { ConfirmForm } from "@/components/booking/confirm-form";
import { getDb } from "@/lib/server/db";
import { findBookingByToken } from "@/lib/server/services/find-booking";
import { deletePersonalData } from "../actions";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata() {
  const t = await getTranslations("privacy");
  return { title: t("deleteTitle"), robots: { index: false } };
}

/** Erasing the personal data now asks first: whose data, what goes with it, and the one button that erases. */
export default async function DeleteDataConfirmationPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const booking = await findBookingByToken(getDb(), p.token);
  if (!booking) notFound();
  const t = await getTranslations("booking");
  const tp = await getTranslations("privacy");
  const name = [booking.givenName, booking.familyName].filter(Boolean).join(" ");
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{tp("deleteQuestion")}</h1>
      <AppointmentSummary
        booking={booking}
        before={[{ label: t("manage.reference"), value: booking.referenceCode }]}
        after={[
          { label: t("review.name"), value: name },
          ...(booking.email ? [{ label: t("review.email"), value: booking.email }] : []),
        ]}
      />
      <p className="mt-6">{tp("deleteText")}</p>
      <ConfirmForm
        action={deletePersonalData.bind(null, p.token)}
        label={tp("deleteTitle")}
        backHref={`/termin/${p.token}`}
        danger
      />
    </div>
  );
}
