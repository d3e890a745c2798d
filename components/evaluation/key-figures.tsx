import { getTranslations } from "next-intl/server";
import { KEY_FIGURES, keyFigure, type FigureComparison, type KeyFigure, type PeriodSummary } from "@/lib/domain/statistics";
import type { EvaluationFormat } from "./format";

// The key figures of the period as cards: value, what it is based on, and the change against the comparison period.

const RATES: ReadonlySet<KeyFigure> = new Set(["cancellationRate", "noShowRate", "utilisation"]);

interface KeyFiguresProps {
  summary: PeriodSummary;
  figures: FigureComparison[] | null;
  format: EvaluationFormat;
  /** Utilisation is not split by service: say so instead of showing a number. */
  serviceFiltered: boolean;
}

export async function KeyFigures({ summary: s, figures, format: f, serviceFiltered }: KeyFiguresProps) {
  const t = await getTranslations("evaluation");
  const value = (figure: KeyFigure, v: number | null): string => {
    if (v === null) return t("figures.none");
    if (RATES.has(figure)) return f.percent(v);
    if (figure === "booked") return f.number(v, 0);
    if (figure === "leadDaysMedian" || figure === "nextFreeSlotMean") return t("units.days", { value: f.number(v) });
    if (figure === "punctualityMedian") return t("units.minutesSigned", { value: f.signed(v) });
    return t("units.minutes", { value: f.number(v) });
  };
  const delta = (figure: KeyFigure, d: number): string => {
    if (RATES.has(figure)) return t("units.points", { value: f.signed(d * 100) });
    if (figure === "booked") return f.signed(d, 0);
    if (figure === "leadDaysMedian" || figure === "nextFreeSlotMean") return t("units.days", { value: f.signed(d) });
    return t("units.minutes", { value: f.signed(d) });
  };
  const base: Record<KeyFigure, string> = {
    booked: t("figures.bookedBase", { appointments: s.appointments, cancelled: s.cancelled }),
    cancellationRate: t("figures.cancelBase", { cancelled: s.cancelled, booked: s.booked }),
    noShowRate: t("figures.noShowBase", { noShows: s.settledNoShows, due: s.settledAppointments }),
    utilisation: serviceFiltered
      ? t("figures.utilisationNoService")
      : t("figures.utilisationBase", { booked: f.number(s.bookedMinutes, 0), offered: f.number(s.offeredMinutes, 0) }),
    leadDaysMedian: t("figures.leadBase", { mean: t("units.days", { value: f.number(s.leadDays.mean) }) }),
    nextFreeSlotMean: t("figures.slotBase", { samples: s.nextFreeSlot.samples, none: s.nextFreeSlot.none }),
    punctualityMedian: t("figures.arrivalBase", { count: s.punctuality.count }),
    durationMedian: t("figures.durationBase", { count: s.duration.count }),
  };
  const byFigure = new Map(figures?.map((c) => [c.figure, c]));

  return (
    <section aria-labelledby="figures-title" className="space-y-3">
      <h2 id="figures-title" className="text-xl font-bold">
        {t("figures.title")}
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {KEY_FIGURES.map((figure) => {
          const c = byFigure.get(figure);
          return (
            <li key={figure} className="rounded border border-line bg-white p-4" data-figure={figure}>
              <p className="font-semibold">{t(`figures.${figure}`)}</p>
              <p className="text-3xl font-bold tabular-nums" data-value>
                {value(figure, keyFigure(s, figure))}
              </p>
              <p className="text-sm text-muted">{base[figure]}</p>
              {c && (
                <p className="mt-1 text-sm" data-delta>
                  {t("figures.previous")}: {value(figure, c.previous)}
                  {c.delta !== null && (
                    <>
                      {" · "}
                      {t("figures.delta")}: <span className="font-semibold">{delta(figure, c.delta)}</span>
                    </>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
