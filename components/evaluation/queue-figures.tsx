import { getTranslations } from "next-intl/server";
import type { QueueSummary } from "@/lib/domain/statistics";
import { FigureCards } from "./figure-cards";
import type { EvaluationFormat } from "./format";

// The queue's key figures of the period as cards like the booking figures: walk-ins, the wait from check-in to the
// call (median and 90th percentile), the serving time and the share of appointments called on time, each with the
// comparison period's value when one is chosen.

/** Each card's value, in the order shown. */
const FIGURE_OF = {
  walkIns: (q: QueueSummary) => q.walkIns,
  waitMedian: (q: QueueSummary) => q.wait.median,
  waitP90: (q: QueueSummary) => q.wait.p90,
  serveMedian: (q: QueueSummary) => q.serve.median,
  onTimeShare: (q: QueueSummary) => q.onTime.share,
} satisfies Record<string, (q: QueueSummary) => number | null>;
type Figure = keyof typeof FIGURE_OF;
const FIGURES = Object.keys(FIGURE_OF) as Figure[];

interface QueueFiguresProps {
  current: QueueSummary;
  previous: QueueSummary | null;
  format: EvaluationFormat;
}

export async function QueueFigures({ current, previous, format: f }: QueueFiguresProps) {
  const t = await getTranslations("evaluation.queue");
  const tu = await getTranslations("evaluation.units");
  const value = (figure: Figure, v: number | null) => {
    if (v === null) return "–";
    if (figure === "onTimeShare") return f.percent(v);
    if (figure === "walkIns") return f.number(v, 0);
    return tu("minutes", { value: f.number(v) });
  };
  const minutes = (v: number | null) => (v === null ? "–" : tu("minutes", { value: f.number(v) }));
  const base: Record<Figure, string> = {
    walkIns: t("base.walkIns", { served: current.walkInsServed, appointments: current.appointments }),
    waitMedian: t("base.wait", { count: current.wait.count, mean: minutes(current.wait.mean) }),
    waitP90: t("base.waitP90", {
      walkIns: minutes(current.walkInWait.p90),
      appointments: minutes(current.appointmentWait.p90),
    }),
    serveMedian: t("base.serve", { count: current.serve.count, mean: minutes(current.serve.mean) }),
    onTimeShare: t("base.onTime", { onTime: current.onTime.onTime, called: current.onTime.called }),
  };
  const cards = FIGURES.map((figure) => ({
    figure,
    title: t(`figures.${figure}`),
    value: value(figure, FIGURE_OF[figure](current)),
    base: base[figure],
    previous: previous ? value(figure, FIGURE_OF[figure](previous)) : undefined,
  }));
  return <FigureCards cards={cards} previousLabel={t("previous")} />;
}
