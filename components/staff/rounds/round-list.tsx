import { getTranslations } from "next-intl/server";
import { buttonSecondary, link } from "@/components/ui/styles";
import type { RoundPhase } from "@/lib/schemas/release-round";

export interface RoundRow {
  id: string;
  serviceName: string | null;
  /** Formatted in the office's time zone. */
  opensAt: string;
  closesAt: string;
  periodFrom: string;
  periodTo: string;
  seedHash: string;
  phase: RoundPhase;
  requests: number;
  places: number;
  assigned: number;
  publicUrl: string;
}

/** The office's release rounds with what can still be done with each: cancel before it opens, a dry run after. */
export async function RoundList({
  rounds,
  cancelAction,
  dryRunAction,
}: {
  rounds: RoundRow[];
  cancelAction: (form: FormData) => Promise<void>;
  dryRunAction: (form: FormData) => Promise<void>;
}) {
  const t = await getTranslations("roundsStaff");
  if (rounds.length === 0) return <p>{t("list.empty")}</p>;
  return (
    <ol className="grid gap-3 lg:grid-cols-2">
      {rounds.map((r) => (
        <li key={r.id} id={`runde-${r.id}`} className="rounded border border-line bg-white p-4" data-testid="round" data-phase={r.phase}>
          <h3 className="text-lg font-bold">{r.serviceName ?? t("list.allServices")}</h3>
          <p className="font-semibold">{t(`phase.${r.phase}`)}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">{t("list.window")}</dt>
            <dd>{t("list.range", { from: r.opensAt, to: r.closesAt })}</dd>
            <dt className="text-muted">{t("list.period")}</dt>
            <dd>{t("list.range", { from: r.periodFrom, to: r.periodTo })}</dd>
            <dt className="text-muted">{t("list.requests")}</dt>
            <dd className="tabular-nums">{r.requests}</dd>
            {r.phase === "drawn" && (
              <>
                <dt className="text-muted">{t("list.assigned")}</dt>
                <dd className="tabular-nums">{t("list.assignedOf", { assigned: r.assigned, places: r.places })}</dd>
              </>
            )}
            <dt className="text-muted">{t("list.seedHash")}</dt>
            <dd className="break-all font-mono">{r.seedHash}</dd>
          </dl>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <a href={r.publicUrl} className={`inline-flex min-h-11 items-center ${link}`}>
              {t("list.publicPage")}
            </a>
            {r.phase === "announced" && (
              <form action={cancelAction}>
                <input type="hidden" name="roundId" value={r.id} />
                <button type="submit" className={buttonSecondary}>
                  {t("list.cancel")}
                </button>
              </form>
            )}
            {r.phase === "drawn" && (
              <form action={dryRunAction}>
                <input type="hidden" name="roundId" value={r.id} />
                <button type="submit" className={buttonSecondary}>
                  {t("list.dryRun")}
                </button>
              </form>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
