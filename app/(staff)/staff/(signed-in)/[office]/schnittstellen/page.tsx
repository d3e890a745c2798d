import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { auditActionKey, errorText } from "@/components/staff/agenda/texts";
import { CardListSection, OfficePageHeading } from "@/components/staff/office-page";
import { EndpointForm, RotateSecretForm } from "@/components/staff/webhooks/webhook-forms";
import { Alert } from "@/components/ui/alert";
import { buttonDanger, buttonSecondary, card } from "@/components/ui/styles";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listWebhooks, type WebhookEntry } from "@/lib/server/services/webhooks/list-webhooks";
import { createWebhookAction, deleteWebhookAction, rotateSecretAction, sendTestAction, updateWebhookAction } from "./actions";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

/** The office's webhook endpoints (administrators): add, edit, switch off, delete, new secret, test event. */
export default async function WebhooksPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const result = await attempt(() => listWebhooks(getDb(), staff, { officeSlug }));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, endpoints } = result.data;
  const t = await getTranslations("webhooks");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const stamp = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone: office.timeZone });
  const failed = typeof q.fehler === "string" ? q.fehler : undefined;

  const Endpoint = ({ e }: { e: WebhookEntry }) => (
    <li className={card} data-testid="webhook-endpoint" data-active={e.active}>
      <h3 className="text-xl font-bold break-words">{e.label}</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">{t("list.url")}</dt>
        <dd className="break-all font-mono">{e.url}</dd>
        <dt className="text-muted">{t("list.events")}</dt>
        <dd>{e.allEvents ? t("list.allEvents") : e.events.map((ev) => t(`events.${auditActionKey(ev)}`)).join(", ")}</dd>
        <dt className="text-muted">{t("list.personalData")}</dt>
        <dd>{e.includePersonalData ? t("list.yes") : t("list.no")}</dd>
        <dt className="text-muted">{t("list.state")}</dt>
        <dd>{e.active ? t("list.active") : t("list.inactive")}</dd>
        <dt className="text-muted">{t("list.lastSent")}</dt>
        <dd>{e.lastSentAt ? stamp(e.lastSentAt) : t("list.never")}</dd>
        <dt className="text-muted">{t("list.deliveries")}</dt>
        <dd>{t("list.deliveryCounts", { waiting: e.waiting, failed: e.failed })}</dd>
      </dl>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {e.active && (
          <form action={sendTestAction.bind(null, office.slug)}>
            <input type="hidden" name="endpointId" value={e.id} />
            <button type="submit" className={buttonSecondary} aria-label={t("test.label", { label: e.label })}>
              {t("test.button")}
            </button>
          </form>
        )}
        <RotateSecretForm action={rotateSecretAction.bind(null, e.id)} label={e.label} />
      </div>
      <details className="mt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand underline" aria-label={t("list.editLabel", { label: e.label })}>
          {t("list.edit")}
        </summary>
        <div className="mt-3">
          <EndpointForm action={updateWebhookAction.bind(null, e.id)} initial={{ label: e.label, url: e.url, events: e.events, includePersonalData: e.includePersonalData, active: e.active }}
            idPrefix={`webhook-${e.id}`} />
        </div>
      </details>
      <details className="mt-1">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-error underline" aria-label={t("delete.openLabel", { label: e.label })}>
          {t("delete.open")}
        </summary>
        <form action={deleteWebhookAction.bind(null, office.slug)} className="mt-2">
          <p className="mb-2">{t("delete.confirm", { label: e.label })}</p>
          <input type="hidden" name="endpointId" value={e.id} />
          <button type="submit" className={buttonDanger}>
            {t("delete.button")}
          </button>
        </form>
      </details>
    </li>
  );

  return (
    <div className="space-y-6">
      <OfficePageHeading office={office} backLabel={t("back")} title={t("title")}>
        <p className="mt-1 max-w-3xl">{t("intro")}</p>
        <p className="mt-2">
          <Link href={`/staff/${office.slug}/postausgang#webhooks`} className="inline-flex min-h-11 items-center text-brand underline">
            {t("outboxLink")}
          </Link>
        </p>
      </OfficePageHeading>
      {q.test && <Alert kind="success">{t("test.done")}</Alert>}
      {q.geloescht && <Alert kind="success">{t("delete.done")}</Alert>}
      {failed && <Alert kind="error">{errorText(t, te, failed)}</Alert>}

      <CardListSection id="webhooks-list" title={t("list.title")} empty={t("list.none")} items={endpoints}>
        {(e) => <Endpoint key={e.id} e={e} />}
      </CardListSection>

      <section aria-labelledby="webhooks-create" className={card}>
        <h2 id="webhooks-create" className="mb-4 text-2xl font-bold">
          {t("create.title")}
        </h2>
        <EndpointForm action={createWebhookAction.bind(null, office.slug)} idPrefix="webhook-new" />
      </section>

      <section aria-labelledby="webhooks-howto" className="max-w-3xl space-y-2">
        <h2 id="webhooks-howto" className="text-2xl font-bold">
          {t("howTo.title")}
        </h2>
        <p>{t("howTo.headers")}</p>
        <p>{t("howTo.signature")}</p>
        <p>{t("howTo.replay")}</p>
        <p>{t("howTo.answer")}</p>
      </section>
    </div>
  );
}
