import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ConfirmForm } from "@/components/booking/confirm-form";
import { clockTime, longDate } from "@/components/booking/format";
import { redirect } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/db";
import { findWishByToken } from "@/lib/server/services/waitlist/get-wish-by-token";
import { declineWishOffer } from "../actions";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata() {
  const t = await getTranslations("offers");
  return { title: t("decline"), robots: { index: false } };
}

/** "Angebot ablehnen" from the wish's page asks first: which time, what declining means, and the one button. */
export default async function DeclineWishOfferPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const wish = await findWishByToken(getDb(), p.token);
  if (!wish) notFound();
  // No open offer (any more): the wish's page says where things stand.
  if (!wish.openOffer) return redirect({ href: `/warteliste/${p.token}`, locale: p.locale });
  const to = await getTranslations("offers");
  const t = await getTranslations("waitlist.manage");
  const format = await getFormatter();
  const { startsAt } = wish.openOffer.booking;
  const tz = wish.office.timeZone;
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{to("declineQuestion")}</h1>
      <p className="text-2xl font-bold">{t("offerWhen", { date: longDate(format, startsAt, tz), time: clockTime(format, startsAt, tz) })}</p>
      <p className="mt-6">{to("declineConsequence")}</p>
      <ConfirmForm action={declineWishOffer.bind(null, p.token)} label={to("decline")} backHref={`/warteliste/${p.token}`} danger />
    </div>
  );
}
