import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { auditActionKey, errorText } from "@/components/staff/agenda/texts";
import { OfficePageHeading } from "@/components/staff/office-page";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary } from "@/components/ui/styles";
import type { OutboxStatusName } from "@/lib/schemas/outbox";
import { canOnOffice } from "@/lib/server/auth/permissions";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listOutbox, type OutboxEntry, SENT_DAYS, type WebhookDelivery } from "@/lib/server/services/outbox-admin/list-outbox";
import { resendMessage } from "./actions";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

// Failed first: that is what an office admin comes here for.
const GROUP_ORDER: OutboxStatusName[] = ["FAILED", "PENDING", "SENDING", "SENT"];

export default async function OutboxPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() => listOutbox(getDb(), staff, { officeSlug, now }));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, groups, totals, webhooks } = result.data;
  const t = await getTranslations("outbox");
  const ta = await getTranslations("agenda");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const tz = office.timeZone;
  const stamp = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone: tz });
  const failed = typeof q.fehler === "string" ? q.fehler : undefined;
  const templateLabel = (template: string) => (t.has(`templates.${template}`) ? t(`templates.${template}`) : template);
  const tw = await getTranslations("webhooks");
  const eventLabel = (event: string) => (tw.has(`events.${auditActionKey(event)}`) ? tw(`events.${auditActionKey(event)}`) : event);

  const TimeRow = ({ label, at }: { label: string; at: Date | null }) =>
    at && (
      <>
        <dt className="text-muted">{label}</dt>
        <dd>
          <time dateTime={at.toISOString()}>{stamp(at)}</time>
        </dd>
      </>
    );

  const Entry = ({ m }: { m: OutboxEntry }) => (
    <li className="rounded border border-line bg-white p-3" data-testid="outbox-entry" data-status={m.status}>
      <p className="font-semibold break-words">{m.subject}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">{t("columns.template")}</dt>
        <dd>{templateLabel(m.template)}</dd>
        <dt className="text-muted">{t("columns.recipient")}</dt>
        <dd className="break-all font-mono" data-testid="outbox-recipient">
          {m.recipient ?? t("erased")}
        </dd>
        <dt className="text-muted">{t("columns.attempts")}</dt>
        <dd className="tabular-nums">{m.attempts}</dd>
        <TimeRow label={t("columns.created")} at={m.createdAt} />
        <TimeRow label={t("columns.next")} at={m.nextAttemptAt} />
        <TimeRow label={t("columns.sent")} at={m.sentAt} />
        {m.lastError && (
          <>
            <dt className="text-muted">{t("columns.error")}</dt>
            <dd className="break-words font-mono">{m.lastError}</dd>
          </>
        )}
      </dl>
      {m.status === "FAILED" &&
        (m.resendable ? (
          <form action={resendMessage.bind(null, office.slug)} className="mt-3">
            <input type="hidden" name="messageId" value={m.id} />
            <button type="submit" className={buttonSecondary} aria-label={t("resendLabel", { subject: m.subject })}>
              {t("resend")}
            </button>
          </form>
        ) : (
          <p className="mt-2 text-sm text-muted">{t("notResendable")}</p>
        ))}
    </li>
  );

  const Delivery = ({ d }: { d: WebhookDelivery }) => (
    <li className="rounded border border-line bg-white p-3" data-testid="webhook-delivery" data-status={d.status}>
      <p className="font-semibold break-words">
        {t(`status.${d.status}`)}: {d.subject}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">{t("webhooks.columns.event")}</dt>
        <dd>{eventLabel(d.event)}</dd>
        <dt className="text-muted">{t("webhooks.columns.endpoint")}</dt>
        <dd className="break-words">{d.endpoint}</dd>
        <dt className="text-muted">{t("webhooks.columns.eventId")}</dt>
        <dd className="break-all font-mono">{d.eventId}</dd>
        <dt className="text-muted">{t("webhooks.columns.attempts")}</dt>
        <dd className="tabular-nums">{d.attempts}</dd>
        <dt className="text-muted">{t("webhooks.columns.responseStatus")}</dt>
        <dd className="tabular-nums" data-testid="webhook-response-status">
          {d.responseStatus ?? t("webhooks.columns.noAnswer")}
        </dd>
        <TimeRow label={t("webhooks.columns.created")} at={d.createdAt} />
        <TimeRow label={t("webhooks.columns.next")} at={d.nextAttemptAt} />
        <TimeRow label={t("webhooks.columns.sent")} at={d.sentAt} />
        {d.lastError && (
          <>
            <dt className="text-muted">{t("webhooks.columns.error")}</dt>
            <dd className="break-words font-mono">{d.lastError}</dd>
          </>
        )}
      </dl>
      {d.status === "FAILED" &&
        (d.retryable ? (
          <form action={resendMessage.bind(null, office.slug)} className="mt-3">
            <input type="hidden" name="messageId" value={d.id} />
            <button type="submit" className={buttonSecondary} aria-label={t("webhooks.retryLabel", { subject: d.subject, endpoint: d.endpoint })}>
              {t("webhooks.retry")}
            </button>
          </form>
        ) : (
          <p className="mt-2 text-sm text-muted">{t("webhooks.notRetryable")}</p>
        ))}
    </li>
  );

  return (
    <div className="space-y-6">
      <OfficePageHeading office={office} backLabel={t("back")} title={t("title")}>
        <p className="mt-1 max-w-3xl">{t("intro", { days: SENT_DAYS })}</p>
      </OfficePageHeading>
      {q.erneut && <Alert kind="success">{t("resent")}</Alert>}
      {failed && <Alert kind="error">{errorText(ta, te, failed)}</Alert>}
      <dl aria-label={t("totalsLabel")} className="flex flex-wrap gap-3">
        {GROUP_ORDER.map((status) => (
          <div key={status} className="rounded border border-line bg-white px-3 py-2">
            <dt className="text-sm text-muted">{t(`status.${status}`)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{totals[status]}</dd>
          </div>
        ))}
      </dl>
      {GROUP_ORDER.map((status) => (
        <section key={status} aria-labelledby={`group-${status}`} className="space-y-2">
          <h2 id={`group-${status}`} className="text-xl font-bold">
            {t(`groups.${status}`, { count: groups[status].length, days: SENT_DAYS })}
          </h2>
          {groups[status].length === 0 ? (
            <p>{t(`empty.${status}`, { days: SENT_DAYS })}</p>
          ) : (
            <ol className="grid gap-2 lg:grid-cols-2">
              {groups[status].map((m) => (
                <Entry key={m.id} m={m} />
              ))}
            </ol>
          )}
        </section>
      ))}
      <section id="webhooks" aria-labelledby="group-webhooks" className="space-y-2">
        <h2 id="group-webhooks" className="text-xl font-bold">
          {t("webhooks.title")}
        </h2>
        <p className="max-w-3xl">{t("webhooks.intro", { days: SENT_DAYS })}</p>
        {canOnOffice(staff, "webhooks:manage", office.id) && (
          <p>
            <Link href={`/staff/${office.slug}/schnittstellen`} className="inline-flex min-h-11 items-center text-brand underline">
              {t("webhooks.manage")}
            </Link>
          </p>
        )}
        {webhooks.length === 0 ? (
          <p>{t("webhooks.none")}</p>
        ) : (
          <ol className="grid gap-2 lg:grid-cols-2">
            {webhooks.map((d) => (
              <Delivery key={d.id} d={d} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
