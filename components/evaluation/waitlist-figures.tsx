import { getTranslations } from "next-intl/server";
import type { WaitlistSummary } from "@/lib/domain/statistics";
import { FigureCards } from "./figure-cards";
import type { EvaluationFormat } from "./format";

// The waiting list's key figures of the period as cards like the booking figures: wishes made and confirmed,
// offers made, the acceptance rate and the median wait from the confirmed wish to the appointment, each with the
// comparison period's value when one is chosen.

const FIGURES = ["wishesNew", "wishesConfirmed", "offersMade", "acceptanceRate", "waitMedian"] as const;
type Figure = (typeof FIGURES)[number];

function figureOf(s: WaitlistSummary, figure: Figure): number | null {
  switch (figure) {
    case "wishesNew":
      return s.wishesNew;
    case "wishesConfirmed":
      return s.wishesConfirmed;
    case "offersMade":
      return s.offers.made;
    case "acceptanceRate":
      return s.offers.acceptanceRate;
    case "waitMedian":
      return s.wait.median;
  }
}

export async function WaitlistFigures({
  current,
  previous,
  format: f,
}: {
  current: WaitlistSummary;
  previous: WaitlistSummary | null;
  format: EvaluationFormat;
}) {
  const t = await getTranslations("staffWaitlist.evaluation");
  const value = (figure: Figure, v: number | null) => {
    if (v === null) return t("none");
    if (figure === "acceptanceRate") return f.percent(v);
    if (figure === "waitMedian") return t("days", { value: f.number(v) });
    return f.number(v, 0);
  };
  const base: Record<Figure, string> = {
    wishesNew: t("base.wishesNew"),
    wishesConfirmed: t("base.wishesConfirmed"),
    offersMade: t("base.offersMade", { open: current.offers.open }),
    acceptanceRate: t("base.acceptanceRate", {
      accepted: current.offers.accepted,
      decided: current.offers.accepted + current.offers.declined + current.offers.expired,
    }),
    waitMedian: t("base.waitMedian", { count: current.wait.count, mean: t("days", { value: f.number(current.wait.mean) }) }),
  };
  const cards = FIGURES.map((figure) => ({
    figure,
    title: t(`figures.${figure}`),
    value: value(figure, figureOf(current, figure)),
    base: base[figure],
    previous: previous ? value(figure, figureOf(previous, figure)) : undefined,
  }));
  return <FigureCards cards={cards} previousLabel={t("previous")} />;
}
