import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime } from "@/components/booking/format";
import { AutoRefresh } from "@/components/staff/agenda/auto-refresh";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { errorText } from "@/components/staff/agenda/texts";
import { CounterChooser } from "@/components/staff/counter/counter-chooser";
import { CurrentTicketPanel } from "@/components/staff/counter/current-ticket";
import { LiveRefresh } from "@/components/staff/counter/live-refresh";
import { OtherTickets, WaitingTable } from "@/components/staff/counter/queue-list";
import { WalkInForm } from "@/components/staff/counter/walk-in-form";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary } from "@/components/ui/styles";
import { canOnOffice } from "@/lib/server/auth/permissions";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listQueue } from "@/lib/server/services/queue/list-queue";
import {
  callNextAction,
  chooseCounterAction,
  finishAction,
  forwardAction,
  parkAction,
  recallAction,
  takeBackAction,
  walkInAction,
} from "./actions";
import { counterCookieName } from "./counter-cookie";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("counter");
  return { title: t("title") };
}

/** Seconds between two refreshes: the fallback for the live stream (LiveRefresh). */
const REFRESH_SECONDS = 30;
const OUTCOMES = new Set(["counter", "call", "none", "recall", "served", "noShow", "park", "takeBack", "forward", "walkIn"]);
const TICKET_LABEL = /^[A-Z]-\d{3,5}$/;

const ACTIONS = {
  chooseCounter: chooseCounterAction,
  callNext: callNextAction,
  recall: recallAction,
  finish: finishAction,
  park: parkAction,
  takeBack: takeBackAction,
  forward: forwardAction,
  walkIn: walkInAction,
};

export default async function CounterPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const counterId = (await cookies()).get(counterCookieName(officeSlug))?.value ?? null;
  const result = await attempt(() => listQueue(getDb(), staff, { officeSlug, counterId }, now));
  if (!result.ok) return <PageProblem code={result.code} />;
  const view = result.data;
  const { office, counter } = view;
  const t = await getTranslations("counter");
  const te = await getTranslations("errors");
  const format = await getFormatter();

  const done = typeof q.erfolg === "string" && OUTCOMES.has(q.erfolg) ? q.erfolg : null;
  const ticket = typeof q.nummer === "string" && TICKET_LABEL.test(q.nummer) ? q.nummer : "";
  const failed = typeof q.fehler === "string" ? q.fehler : null;
  const failedField = typeof q.feld === "string" && /^[a-zA-Z]+$/.test(q.feld) && t.has(`validation.${q.feld}`) ? q.feld : null;
  const mayManage = canOnOffice(staff, "office:settings", office.id);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-lg text-muted">
            {office.authority} · {office.name}
          </p>
          <h1 className="text-3xl font-bold">{counter ? t("heading", { counter: counter.name }) : t("title")}</h1>
        </div>
        {mayManage && (
          <Link href={`/staff/${office.slug}/schalter/plaetze`} className={buttonSecondary}>
            {t("admin.link")}
          </Link>
        )}
      </div>

      {done && <Alert kind="success">{t(`done.${done}`, { ticket, counter: counter?.name ?? "" })}</Alert>}
      {failed && <Alert kind="error">{failedField ? t(`validation.${failedField}`) : errorText(t, te, failed)}</Alert>}

      {!counter ? (
        <section aria-labelledby="chooser-title" className="space-y-3">
          <h2 id="chooser-title" className="text-xl font-bold">
            {t("chooser.title")}
          </h2>
          <CounterChooser officeSlug={office.slug} counters={view.counters} chosenId={null} action={chooseCounterAction} />
        </section>
      ) : (
        <>
          <CurrentTicketPanel
            officeSlug={office.slug}
            counter={counter}
            current={view.current}
            counters={view.counters}
            services={view.services}
            timeZone={office.timeZone}
            actions={ACTIONS}
          />
          <div className="flex flex-wrap items-center gap-x-4 text-sm text-muted">
            <p>{t("refresh.asOf", { time: clockTime(format, now, office.timeZone) })}</p>
            <LiveRefresh officeSlug={office.slug} />
            <AutoRefresh seconds={REFRESH_SECONDS} label={t("refresh.auto", { seconds: REFRESH_SECONDS })} preference="counter-auto-refresh" />
            <p>{t("totals", view.finished)}</p>
          </div>
          <WaitingTable rows={view.waiting} timeZone={office.timeZone} now={now} />
          <OtherTickets parked={view.parked} calledElsewhere={view.calledElsewhere} officeSlug={office.slug} takeBack={takeBackAction} />
          <WalkInForm officeSlug={office.slug} counterId={counter.id} services={view.walkInServices} action={walkInAction} />
          <CounterChooser officeSlug={office.slug} counters={view.counters} chosenId={counter.id} action={chooseCounterAction} compact />
        </>
      )}
    </div>
  );
}
