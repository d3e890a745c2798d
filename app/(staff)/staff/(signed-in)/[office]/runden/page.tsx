import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageProblem } from "@/components/staff/agenda/page-problem";
import { errorText } from "@/components/staff/agenda/texts";
import { RoundForm } from "@/components/staff/rounds/round-form";
import { RoundList } from "@/components/staff/rounds/round-list";
import { Alert } from "@/components/ui/alert";
import { addDays, localDateOf } from "@/lib/domain";
import { getDb } from "@/lib/server/db";
import { attempt, pageStaff } from "@/lib/server/page-guards";
import { listRounds } from "@/lib/server/services/rounds/round-info";
import { announceRound, cancelRoundAction, dryRunAction } from "./actions";

type Params = Promise<{ office: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roundsStaff");
  return { title: t("title") };
}

export default async function RoundsPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { office: officeSlug } = await params;
  const q = await searchParams;
  const staff = await pageStaff();
  const now = new Date();
  const result = await attempt(() => listRounds(getDb(), staff, officeSlug, now));
  if (!result.ok) return <PageProblem code={result.code} />;
  const { office, rounds, roundServices } = result.data;
  const t = await getTranslations("roundsStaff");
  const ta = await getTranslations("agenda");
  const te = await getTranslations("errors");
  const format = await getFormatter();
  const tz = office.timeZone;
  const today = localDateOf(now, tz);
  // A suggestion: the window tomorrow 08:00 for a day, the week four weeks ahead.
  const defaults = {
    serviceId: "",
    opensAt: `${addDays(today, 1)}T08:00`,
    closesAt: `${addDays(today, 2)}T08:00`,
    periodFrom: addDays(today, 28),
    periodTo: addDays(today, 32),
  };
  const failed = typeof q.fehler === "string" ? q.fehler : undefined;
  const dryRun = q.probelauf === "gleich" || q.probelauf === "abweichend" ? q.probelauf : undefined;

  return (
    <div className="space-y-6">
      <Link href={`/staff/${office.slug}`} className="inline-flex min-h-11 items-center text-brand underline">
        <span aria-hidden="true" className="me-1">‹</span>
        {t("back")}
      </Link>
      <div>
        <p className="text-lg text-muted">
          {office.authority} · {office.name}
        </p>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl">{t("intro")}</p>
      </div>
      {typeof q.angekuendigt === "string" && <Alert kind="success">{t("announced")}</Alert>}
      {q.abgesagt && <Alert kind="success">{t("cancelled")}</Alert>}
      {dryRun && <Alert kind={dryRun === "gleich" ? "success" : "error"}>{t(dryRun === "gleich" ? "dryRun.same" : "dryRun.different")}</Alert>}
      {failed && <Alert kind="error">{errorText(ta, te, failed)}</Alert>}

      <section aria-labelledby="rounds-list" className="space-y-3">
        <h2 id="rounds-list" className="text-2xl font-bold">
          {t("list.title")}
        </h2>
        <RoundList
          rounds={rounds.map((r) => ({
            ...r,
            opensAt: format.dateTime(r.opensAt, { dateStyle: "medium", timeStyle: "short", timeZone: tz }),
            closesAt: format.dateTime(r.closesAt, { dateStyle: "medium", timeStyle: "short", timeZone: tz }),
            periodFrom: format.dateTime(new Date(`${r.periodFrom}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
            periodTo: format.dateTime(new Date(`${r.periodTo}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
            publicUrl: `/runde/${r.id}`,
          }))}
          cancelAction={cancelRoundAction.bind(null, office.slug)}
          dryRunAction={dryRunAction.bind(null, office.slug)}
        />
      </section>

      <section aria-labelledby="rounds-new" className="max-w-2xl space-y-3">
        <h2 id="rounds-new" className="text-2xl font-bold">
          {t("form.title")}
        </h2>
        {roundServices.length === 0 ? (
          <p>{t("form.noRoundServices")}</p>
        ) : (
          <>
            <p>{t("form.intro", { timeZone: tz })}</p>
            <RoundForm action={announceRound.bind(null, office.slug)} services={roundServices} defaults={defaults} />
          </>
        )}
      </section>
    </div>
  );
}
