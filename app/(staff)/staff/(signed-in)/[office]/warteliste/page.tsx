import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { plainDate } from "@/components/booking/format";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { OfferOutcomes } from "@/components/staff/waitlist/offer-outcomes";
import { RemoveWishForm } from "@/components/staff/waitlist/remove-wish-form";
import { WaitlistOverview } from "@/components/staff/waitlist/waitlist-overview";
import { WishList } from "@/components/staff/waitlist/wish-list";
import { Alert } from "@/components/ui/alert";
import { addDays } from "@/lib/domain";
import { isValidPeriod } from "@/lib/domain/statistics";
import { REMOVAL_REASONS, wishIdSchema } from "@/lib/schemas/staff-waitlist";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { getWishForRemoval } from "@/lib/server/services/waitlist/staff/get-wish-for-removal";
import { readOfferOutcomes } from "@/lib/server/services/waitlist/staff/read-offer-outcomes";
import { readWaitlist } from "@/lib/server/services/waitlist/staff/read-waitlist";
import { removeWishAction } from "./actions";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffWaitlist");
  return { title: t("title") };
}

const REFERENCE = /^[A-Z0-9-]{1,40}$/;
const param = (q: Record<string, string | string[] | undefined>, key: string) => (typeof q[key] === "string" ? q[key] : undefined);

/** The office's waiting list for its clerks and heads: counts, the wishes urgent first, removing one, the offers. */
export default async function WaitlistPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() => readWaitlist(getDb(), staff, { officeSlug, now }));
  if (!result.ok) return <PageProblem code={result.code} />;
  const list = result.data;
  const { office, today } = list;

  // The offers' period: the last four weeks up to today unless a valid one is asked for.
  const requested = { from: param(q, "von"), to: param(q, "bis") };
  const asked = requested.from !== undefined || requested.to !== undefined;
  const period = isValidPeriod(requested) ? requested : { from: addDays(today, -27), to: today };
  const offers = await readOfferOutcomes(getDb(), staff, { officeSlug: office.slug, period });

  // The confirm step of a removal: a wish of another office or one closed meanwhile shows as a problem, not a 403
  // page, so the list stays usable.
  const removeId = param(q, "entfernen");
  const toRemove =
    removeId && wishIdSchema.safeParse(removeId).success
      ? await getWishForRemoval(getDb(), staff, { wishId: removeId, now }).then(
          (wish) => ({ ok: true as const, wish }),
          (e: unknown) => {
            if (!isAppError(e)) throw e;
            return { ok: false as const, code: e.code as string };
          },
        )
      : null;
  const removed = param(q, "entfernt");

  const t = await getTranslations("staffWaitlist");
  const format = await getFormatter();
  const serviceNames = Object.fromEntries(office.services.map((s) => [s.id, s.name]));
  const path = `/staff/${office.slug}/warteliste`;
  const errorText = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.WISH_NOT_FOUND"));

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link href={`/staff/${office.slug}`} className="inline-flex min-h-11 items-center text-brand underline">
          <span aria-hidden="true" className="me-1">‹</span>
          {t("back")}
        </Link>
        <p className="text-lg text-muted">
          {office.authority} · {office.name}
        </p>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl">{t("intro")}</p>
      </div>

      {removed && REFERENCE.test(removed) && (
        <Alert kind="success">{t(param(q, "angebot") === "1" ? "remove.doneOffer" : "remove.done", { reference: removed })}</Alert>
      )}

      {toRemove && !toRemove.ok && <Alert kind="error">{errorText(toRemove.code)}</Alert>}
      {toRemove?.ok && (
        <section aria-labelledby="remove-title" className="rounded border-2 border-error bg-white p-4">
          <h2 id="remove-title" className="text-xl font-bold">
            {t("remove.title", { reference: toRemove.wish.referenceCode })}
          </h2>
          <p className="mt-1 max-w-3xl">{t("remove.intro")}</p>
          <dl className="my-4 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t("remove.name")}</dt>
            <dd>{toRemove.wish.name ?? t("remove.nameErased")}</dd>
            <dt className="font-semibold">{t("remove.service")}</dt>
            <dd>
              {toRemove.wish.serviceName} · {t("list.persons", { count: toRemove.wish.persons })}
            </dd>
            <dt className="font-semibold">{t("remove.range")}</dt>
            <dd>
              {t("list.rangeValue", { from: plainDate(format, toRemove.wish.earliestDate), to: plainDate(format, toRemove.wish.latestDate) })}
            </dd>
          </dl>
          {toRemove.wish.offerOpen && <Alert kind="info">{t("remove.offerOpen")}</Alert>}
          <RemoveWishForm action={removeWishAction} wishId={toRemove.wish.id} reasons={REMOVAL_REASONS} cancelHref={path} />
        </section>
      )}

      <WaitlistOverview counts={list.counts} unconfirmed={list.unconfirmed} urgentWithinDays={office.urgentWithinDays} serviceNames={serviceNames} />
      <WishList entries={list.entries} listed={list.listed} serviceNames={serviceNames} removeHref={`${path}?entfernen={id}#remove-title`} />
      <OfferOutcomes
        action={path}
        period={period}
        invalidPeriod={asked && !isValidPeriod(requested)}
        counts={offers.counts}
        offers={offers.offers}
        serviceNames={serviceNames}
        timeZone={office.timeZone}
      />
    </div>
  );
}
