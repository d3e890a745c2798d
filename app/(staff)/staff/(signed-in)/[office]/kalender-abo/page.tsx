import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { errorText } from "@/components/staff/agenda/texts";
import { CreateFeedForm } from "@/components/staff/feeds/create-feed-form";
import { CardListSection, OfficePageHeading } from "@/components/staff/office-page";
import { Alert } from "@/components/ui/alert";
import { buttonDanger, card } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { type FeedEntry, listFeeds } from "@/lib/server/services/feeds/list-feeds";
import { createFeedAction, revokeFeedAction } from "./actions";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("feeds");
  return { title: t("title") };
}

/** The office's private calendar links (ICS subscriptions): create one (its address is shown once), revoke. */
export default async function CalendarFeedsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const result = await attempt(() => listFeeds(getDb(), staff, { officeSlug }));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, active, revoked } = result.data;
  const t = await getTranslations("feeds");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const stamp = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone: office.timeZone });
  const failed = typeof q.fehler === "string" ? q.fehler : undefined;

  const Feed = ({ f }: { f: FeedEntry }) => (
    <li className={card} data-testid="calendar-feed">
      <h3 className="text-xl font-bold break-words">{f.label}</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">{t("list.created")}</dt>
        <dd>
          {stamp(f.createdAt)}
          {f.createdBy && <> {t("list.createdBy", { name: f.createdBy })}</>}
        </dd>
        <dt className="text-muted">{t("list.lastUsed")}</dt>
        <dd data-testid="feed-last-used">{f.lastUsedAt ? stamp(f.lastUsedAt) : t("list.never")}</dd>
        {f.revokedAt && (
          <>
            <dt className="text-muted">{t("list.revokedAt")}</dt>
            <dd>{stamp(f.revokedAt)}</dd>
          </>
        )}
      </dl>
      {!f.revokedAt && (
        <form action={revokeFeedAction.bind(null, office.slug)} className="mt-3">
          <input type="hidden" name="feedId" value={f.id} />
          <button type="submit" className={buttonDanger} aria-label={t("revoke.label", { label: f.label })}>
            {t("revoke.button")}
          </button>
        </form>
      )}
    </li>
  );

  return (
    <div className="space-y-6">
      <OfficePageHeading office={office} backLabel={t("back")} title={t("title")}>
        <p className="mt-1 max-w-3xl">{t("intro")}</p>
        <p className="mt-1 max-w-3xl">{office.feedIncludesNames ? t("namesOn") : t("namesOff")}</p>
      </OfficePageHeading>
      {q.widerrufen && <Alert kind="success">{t("revoke.done")}</Alert>}
      {failed && <Alert kind="error">{errorText(t, te, failed)}</Alert>}

      <CardListSection id="feeds-active" title={t("list.active")} empty={t("list.none")} items={active}>
        {(f) => <Feed key={f.id} f={f} />}
      </CardListSection>

      <section aria-labelledby="feeds-create" className={card}>
        <h2 id="feeds-create" className="mb-4 text-2xl font-bold">
          {t("create.title")}
        </h2>
        <CreateFeedForm action={createFeedAction.bind(null, office.slug)} />
      </section>

      <CardListSection id="feeds-revoked" title={t("list.revoked")} items={revoked}>
        {(f) => <Feed key={f.id} f={f} />}
      </CardListSection>
    </div>
  );
}
