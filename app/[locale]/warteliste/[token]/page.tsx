import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { errorKey } from "@/components/booking/error-key";
import { clockTime, dateAndTime, longDate } from "@/components/booking/format";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary, buttonSecondary, link } from "@/components/ui/styles";
import { weekdayNames } from "@/lib/i18n/local-dates";
import { WishForm } from "@/components/waitlist/wish-form";
import { WishSummary } from "@/components/waitlist/wish-summary";
import { localDateOf } from "@/lib/domain";
import { localizeService } from "@/lib/domain/service-texts";
import { parseDayParts, parseWeekdays } from "@/lib/domain/waitlist";
import { Link } from "@/lib/i18n/navigation";
import { wishDateBounds } from "@/lib/schemas/wish";
import { getDb } from "@/lib/server/db";
import { isOpenWish } from "@/lib/domain/erasure";
import { findWishByToken } from "@/lib/server/services/waitlist/get-wish-by-token";
import { acceptWishOffer, changeWish, confirmWish } from "./actions";

type Params = Promise<{ locale: string; token: string }>;
type Search = Promise<{ fehler?: string; bestaetigt?: string; geaendert?: string; zurueckgezogen?: string; abgelehnt?: string }>;

export async function generateMetadata() {
  const t = await getTranslations("waitlist.titles");
  return { title: t("manage"), robots: { index: false } };
}

/**
 * The wish behind the e-mail's link: what it asks for and its status (never its place in the order), the button
 * that confirms it (opening the link confirms nothing), an open offer with its deadline, changing and withdrawing.
 */
export default async function ManageWishPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const q = await searchParams;
  setRequestLocale(p.locale);
  const wish = await findWishByToken(getDb(), p.token);
  if (!wish) notFound();
  const t = await getTranslations("waitlist");
  const to = await getTranslations("offers");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const now = new Date();
  const tz = wish.office.timeZone;
  const error = errorKey(q.fehler);
  const open = isOpenWish(wish);
  const today = localDateOf(now, tz);
  const service = localizeService(wish.service, p.locale);
  const offer = wish.openOffer;
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("manage.title")}</h1>
      {error && <Alert kind="error">{te(error)}</Alert>}
      {q.bestaetigt && wish.status === "ACTIVE" && <Alert kind="success">{t("manage.confirmed")}</Alert>}
      {q.geaendert && open && <Alert kind="success">{t("manage.changed")}</Alert>}
      {q.zurueckgezogen && wish.status === "WITHDRAWN" && <Alert kind="success">{t("manage.withdrawn")}</Alert>}
      {q.abgelehnt && open && !offer && <Alert kind="success">{to("declined")}</Alert>}
      {wish.status === "UNCONFIRMED" && (
        <section aria-labelledby="confirm-title" className="mb-6 rounded border-4 border-brand bg-white p-4">
          <h2 id="confirm-title" className="text-xl font-bold">
            {t("manage.confirmTitle")}
          </h2>
          <p className="my-2">{t("manage.confirmText")}</p>
          <form action={confirmWish.bind(null, p.token)}>
            <button type="submit" className={buttonPrimary}>
              {t("manage.confirm")}
            </button>
          </form>
        </section>
      )}
      {offer && (
        <section aria-labelledby="offer-title" className="mb-6 rounded border-4 border-brand bg-white p-4" data-testid="wish-offer">
          <h2 id="offer-title" className="text-xl font-bold">
            {t("manage.offerTitle")}
          </h2>
          <p className="my-2 text-2xl font-bold">
            {t("manage.offerWhen", { date: longDate(format, offer.booking.startsAt, tz), time: clockTime(format, offer.booking.startsAt, tz) })}
          </p>
          <p className="my-2">{to("intro")}</p>
          <p className="my-2 font-semibold">{t("manage.offerDeadline", { deadline: dateAndTime(format, offer.deadline, tz) })}</p>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <form action={acceptWishOffer.bind(null, p.token)}>
              <button type="submit" className={buttonPrimary}>
                {to("accept")}
              </button>
            </form>
            {/* A link to the question, not a button that declines: declining asks first. */}
            <Link href={`/warteliste/${p.token}/ablehnen`} className={buttonSecondary}>
              {to("decline")}
            </Link>
          </div>
        </section>
      )}
      {wish.status === "BOOKED" && wish.booking && (
        <section aria-labelledby="booked-title" className="mb-6 rounded border-4 border-success bg-white p-4">
          <h2 id="booked-title" className="text-xl font-bold">
            {t("manage.bookedTitle")}
          </h2>
          <p className="my-2 text-2xl font-bold">
            {t("manage.offerWhen", { date: longDate(format, wish.booking.startsAt, tz), time: clockTime(format, wish.booking.startsAt, tz) })}
          </p>
          <p className="my-2">{t("manage.bookedText", { reference: wish.booking.referenceCode })}</p>
        </section>
      )}
      <WishSummary wish={{ ...wish, service }} locale={p.locale} />
      {(wish.source === "EXTENSION" || (wish.source === "ROUND" && wish.roundId)) && (
        <p className="mt-4">
          {/* An extension request's receipt is behind the same token; a round's request links to its public page. */}
          <Link href={wish.source === "EXTENSION" ? `/quittung/${p.token}` : `/runde/${wish.roundId}`} className={link}>
            {t(wish.source === "EXTENSION" ? "manage.receiptLink" : "manage.roundLink")}
          </Link>
        </p>
      )}
      {open ? (
        <div className="mt-8 space-y-8">
          <section aria-labelledby="change-title" className="rounded border border-line bg-white p-4">
            <h2 id="change-title" className="mb-4 text-xl font-bold">
              {t("manage.changeTitle")}
            </h2>
            <p className="mb-4">{t("manage.changeText")}</p>
            <WishForm
              action={changeWish.bind(null, p.token)}
              today={today}
              bookingHorizonDays={wish.office.bookingHorizonDays}
              lastDate={wishDateBounds(today, wish.office.bookingHorizonDays).last}
              defaults={{
                earliestDate: wish.earliestDate < today ? today : wish.earliestDate,
                latestDate: wish.latestDate,
                weekdays: parseWeekdays(wish.weekdays),
                dayParts: parseDayParts(wish.dayParts),
              }}
              weekdayNames={weekdayNames(p.locale)}
              submitLabel={t("manage.save")}
            />
          </section>
          <section aria-labelledby="withdraw-title" className="rounded border border-line bg-white p-4">
            <h2 id="withdraw-title" className="text-xl font-bold">
              {t("manage.withdrawTitle")}
            </h2>
            <p className="my-2">{t("manage.withdrawText")}</p>
            {/* A link to the question, not a button that withdraws: nothing final happens without confirming. */}
            <Link href={`/warteliste/${p.token}/zurueckziehen`} className={buttonSecondary}>
              {t("manage.withdrawTitle")}
            </Link>
          </section>
        </div>
      ) : (
        <div className="mt-8 space-y-4">
          {wish.status !== "BOOKED" && <p>{t("manage.closed")}</p>}
          <Link href={`/${wish.office.slug}/${wish.service.slug}`} className={buttonSecondary}>
            {t("manage.bookNew")}
          </Link>
        </div>
      )}
    </div>
  );
}
