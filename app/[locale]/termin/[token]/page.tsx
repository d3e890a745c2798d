import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { errorKey } from "@/components/booking/error-key";
import { AppointmentSummary, DocumentsToBring, servicesOfBooking } from "@/components/booking/appointment-summary";
import { dateAndTime, longDate, clockTime } from "@/components/booking/format";
import { HoldExtendedNotice, HoldExtension } from "@/components/booking/hold-extension";
import { OfferPanel } from "@/components/booking/offer-panel";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { findBookingByToken } from "@/lib/server/services/find-booking";
import { isLiveHold } from "@/lib/domain";
import { holdExtensionOffer } from "@/lib/domain/holds";
import { slotsInsteadOfHold } from "@/lib/server/services/confirm-booking";
import { isChangeable } from "@/lib/domain/booking-status";
import { canPickNewTime } from "@/lib/server/services/manage-rules";
import { ManageCheckInPanel } from "@/components/kiosk/manage-check-in-panel";
import { POSTER_VISIT_COOKIE } from "@/lib/server/security/check-in-tokens";
import { manageCheckIn } from "@/lib/server/services/checkin/manage-check-in";
import { acceptHeldOffer, checkInOnPhone, confirmHeldBooking, declineHeldOffer, extendHeldBooking } from "./actions";

type Params = Promise<{ locale: string; token: string }>;
type Search = Promise<{
  fehler?: string;
  eingecheckt?: string;
  abgesagt?: string;
  verschoben?: string;
  geloescht?: string;
  bestaetigt?: string;
  verlaengert?: string;
  angenommen?: string;
  abgelehnt?: string;
}>;

export async function generateMetadata() {
  const t = await getTranslations("booking.titles");
  return { title: t("manage"), robots: { index: false } };
}

export default async function ManageBookingPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const t = await getTranslations("booking");
  const te = await getTranslations("errors");
  const tp = await getTranslations("privacy");
  const to = await getTranslations("offers");
  const booking = await findBookingByToken(getDb(), p.token);
  // A wrong or expired link answers 404 (not-found.tsx, same text for every token); right after erasing the data
  // the link shows that it worked.
  if (!booking && !q.geloescht) notFound();
  if (!booking) {
    return (
      <div>
        <h1 className="mb-4 text-3xl font-bold">{t("manage.title")}</h1>
        <Alert kind="success">{tp("deleted")}</Alert>
        <Link href="/" className="text-brand underline">
          {t("manage.bookAgain")}
        </Link>
      </div>
    );
  }
  const now = new Date();
  const changeable = isChangeable(booking, now);
  const error = errorKey(q.fehler);
  // An offer from the waiting list (a held booking with a WishOffer) is answered, not confirmed; once accepted it is
  // an ordinary booking.
  const offer = booking.offer && booking.offer.outcome !== "ACCEPTED" ? booking.offer : null;
  const held = booking.status === "HELD" && booking.startsAt > now && !offer;
  const status = offer
    ? offer.outcome === "DECLINED"
      ? to("statusDeclined")
      : offer.outcome === "OPEN" && offer.deadline > now && booking.status === "HELD"
        ? to("status")
        : to("statusExpired")
    : booking.status === "CANCELLED"
      ? t("manage.statusCancelled")
      : booking.startsAt <= now
        ? t("manage.statusPast")
        : held
          ? isLiveHold(booking, now)
            ? t("manage.statusHeld")
            : t("manage.statusHoldExpired")
          : t("manage.statusConfirmed");
  const format = await getFormatter();
  const tz = booking.office.timeZone;
  const alternatives = held && error === "HOLD_EXPIRED" ? await slotsInsteadOfHold(getDb(), booking, now) : [];
  const checkIn = await manageCheckIn(getDb(), booking, (await cookies()).get(POSTER_VISIT_COOKIE)?.value, p.locale, now);
  const checkInPanel = (
    <ManageCheckInPanel
      checkIn={checkIn}
      referenceCode={booking.referenceCode}
      timeZone={tz}
      earlyMinutes={booking.office.checkInEarlyMinutes}
      lateMinutes={booking.office.checkInLateMinutes}
      checkInNow={checkInOnPhone.bind(null, p.token)}
      error={q.fehler ?? null}
    />
  );
  // At the door (or checked in) the check-in comes first; before the day it follows the appointment's details.
  const checkInFirst = checkIn.phoneCheckIn || checkIn.ticket !== null;
  // Nobody comes to the office for a phone or video appointment.
  const visits = booking.kind === "IN_PERSON";
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("manage.title")}</h1>
      {error && <Alert kind="error">{te(error)}</Alert>}
      {q.abgesagt && booking.status === "CANCELLED" && <Alert kind="success">{t("manage.cancelled")}</Alert>}
      {q.verschoben && changeable && <Alert kind="success">{t("manage.rescheduled")}</Alert>}
      {q.bestaetigt && changeable && <Alert kind="success">{t("manage.confirmed")}</Alert>}
      {q.angenommen && changeable && <Alert kind="success">{to("accepted")}</Alert>}
      {q.abgelehnt && offer?.outcome === "DECLINED" && <Alert kind="success">{to("declined")}</Alert>}
      {offer && offer.outcome !== "DECLINED" && (
        <OfferPanel
          offer={offer}
          timeZone={tz}
          now={now}
          accept={acceptHeldOffer.bind(null, p.token)}
          decline={declineHeldOffer.bind(null, p.token)}
        />
      )}
      {q.verlaengert && held && !error && <HoldExtendedNotice booking={booking} />}
      {visits && checkInFirst && checkInPanel}
      {held && error === "HOLD_EXPIRED" && (
        <section aria-labelledby="alternatives-title" className="mb-6 rounded border-2 border-brand bg-white p-4">
          <h2 id="alternatives-title" className="text-xl font-bold">
            {t("manage.alternativesTitle")}
          </h2>
          {alternatives.length > 0 ? (
            <>
              <p className="my-2">{t("manage.alternativesText")}</p>
              <ul className="mb-4 list-disc pl-6">
                {alternatives.map((slot) => (
                  <li key={slot.start.toISOString()}>
                    {t("review.whenValue", { date: longDate(format, slot.start, tz), time: clockTime(format, slot.start, tz) })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="my-2">{t("manage.noAlternatives")}</p>
          )}
          <Link href={`/${booking.office.slug}/${booking.service.slug}`} className={buttonPrimary}>
            {t("manage.bookAgain")}
          </Link>
        </section>
      )}
      {held && error !== "HOLD_EXPIRED" && (
        <section aria-labelledby="confirm-title" className="mb-6 rounded border-2 border-brand bg-white p-4">
          <h2 id="confirm-title" className="text-xl font-bold">
            {t("manage.heldTitle")}
          </h2>
          <p className="my-2" data-testid="hold-deadline">
            {booking.holdExpiresAt && isLiveHold(booking, now)
              ? t("manage.heldText", {
                  deadline: dateAndTime(format, booking.holdExpiresAt, tz),
                  minutes: Math.max(1, Math.ceil((booking.holdExpiresAt.getTime() - now.getTime()) / 60_000)),
                })
              : t("manage.heldExpired", { deadline: dateAndTime(format, booking.holdExpiresAt ?? now, tz) })}
          </p>
          <form action={confirmHeldBooking.bind(null, p.token)}>
            <button type="submit" className={buttonPrimary}>
              {t("manage.confirm")}
            </button>
          </form>
          <HoldExtension
            offer={holdExtensionOffer(booking, booking.office.holdMinutes, now)}
            timeZone={tz}
            action={extendHeldBooking.bind(null, p.token)}
          />
        </section>
      )}
      <AppointmentSummary
        booking={booking}
        before={[
          { label: t("manage.status"), value: <strong>{status}</strong> },
          { label: t("manage.reference"), value: booking.referenceCode },
        ]}
        after={[{ label: t("review.name"), value: [booking.givenName, booking.familyName].filter(Boolean).join(" ") }]}
      />
      {booking.status !== "CANCELLED" && <DocumentsToBring services={servicesOfBooking(booking)} />}
      {visits && !checkInFirst && <div className="mt-6">{checkInPanel}</div>}
      {changeable ? (
        <div className="mt-8 space-y-8">
          <div className="flex flex-wrap gap-3">
            <Link href={`/termin/${p.token}/verschieben`} className={buttonPrimary}>
              {t("manage.reschedule")}
            </Link>
            <a href={`/api/v1/bookings/${p.token}/calendar.ics`} className={buttonSecondary} download>
              {t("manage.calendar")}
            </a>
          </div>
          <section aria-labelledby="cancel-title" className="rounded border border-line bg-white p-4">
            <h2 id="cancel-title" className="text-xl font-bold">
              {t("manage.cancelTitle")}
            </h2>
            <p className="my-2">{t("manage.cancelText")}</p>
            {/* A link to the question, not a button that cancels: nothing final happens without confirming. */}
            <Link href={`/termin/${p.token}/absagen`} className={buttonSecondary}>
              {t("manage.cancelTitle")}
            </Link>
          </section>
        </div>
      ) : held || offer ? null : (
        <div className="mt-8 space-y-4">
          {booking.status !== "CANCELLED" && <p>{t("manage.notChangeable")}</p>}
          {canPickNewTime(booking, now) ? (
            // The office cancelled: a new time for the same person and service, nothing typed again.
            <Link href={`/termin/${p.token}/verschieben`} className={buttonPrimary}>
              {t("manage.rescheduleTitle")}
            </Link>
          ) : (
            <Link href={`/${booking.office.slug}/${booking.service.slug}`} className={buttonSecondary}>
              {t("manage.bookAgain")}
            </Link>
          )}
        </div>
      )}
      <section aria-labelledby="privacy-title" className="mt-8 rounded border border-line bg-white p-4">
        <h2 id="privacy-title" className="text-xl font-bold">
          {tp("title")}
        </h2>
        <p className="my-2">{tp("intro", { days: booking.office.retentionDays })}</p>
        <a href={`/termin/${p.token}/daten`} className={buttonSecondary} download>
          {tp("export")}
        </a>
        <h3 className="mt-6 text-lg font-bold">{tp("deleteTitle")}</h3>
        <p className="my-2">{tp("deleteText")}</p>
        <Link href={`/termin/${p.token}/loeschen`} className={buttonSecondary}>
          {tp("deleteTitle")}
        </Link>
      </section>
    </div>
  );
}
