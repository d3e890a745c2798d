import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConfirmForm } from "@/components/booking/confirm-form";
import { WishSummary } from "@/components/waitlist/wish-summary";
import { redirect } from "@/lib/i18n/navigation";
import { localizeService } from "@/lib/domain/service-texts";
import { getDb } from "@/lib/server/db";
import { isOpenWish } from "@/lib/domain/erasure";
import { findWishByToken } from "@/lib/server/services/waitlist/get-wish-by-token";
import { withdrawWish } from "../actions";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata() {
  const t = await getTranslations("waitlist.titles");
  return { title: t("withdraw"), robots: { index: false } };
}

/** "Wunsch zurückziehen" asks first: which wish, what withdrawing means, and the one button that does it. */
export default async function WithdrawConfirmationPage({ params }: { params: Params }) {
  const p = await params;
  setRequestLocale(p.locale);
  const wish = await findWishByToken(getDb(), p.token);
  if (!wish) notFound();
  if (!isOpenWish(wish)) return redirect({ href: `/warteliste/${p.token}`, locale: p.locale });
  const t = await getTranslations("waitlist.manage");
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold">{t("withdrawQuestion")}</h1>
      <WishSummary wish={{ ...wish, service: localizeService(wish.service, p.locale) }} locale={p.locale} withStatus={false} />
      <p className="mt-6">{t(wish.openOffer ? "withdrawConsequenceOffer" : "withdrawConsequence")}</p>
      <ConfirmForm action={withdrawWish.bind(null, p.token)} label={t("withdrawTitle")} backHref={`/warteliste/${p.token}`} danger />
    </div>
  );
}
