import { getFormatter, getTranslations } from "next-intl/server";
import { EvaluationChart, type ChartSeries } from "./chart";
import { DataTable } from "./data-table";
import { evaluationFormat } from "./format";

// One chart of the evaluation with its title, a one-line description and the table of its numbers: either a time
// series (a point per day or week) or counts per category beside those of the comparison period.

/** A column of numbers or texts, one entry per point or category. */
export interface ChartColumn {
  label: string;
  data: Array<string | number | null>;
}

interface ChartBase {
  id: string;
  title: string;
  description: string;
  /** Shown instead of the chart and its table when there is nothing to draw. */
  empty?: string;
}

export interface TimeChartProps extends ChartBase {
  kind: "bar" | "line";
  /** Values are fractions shown as percent. */
  percent?: boolean;
  unit: "day" | "week";
  /** The first day of each point. */
  starts: string[];
  series: ChartSeries[];
  /** The table's columns where they are not the drawn series (exact minutes, formatted values). */
  columns?: ChartColumn[];
}

export interface CategoryChartProps extends ChartBase {
  /** The categories (channels, services, buckets) and the heading of their column. */
  categories: string[];
  heading: string;
  /** What is counted: the legend when there is no comparison. */
  counted: string;
  current: number[];
  /** The comparison period's counts, drawn beside the current ones. */
  previous: number[] | null;
}

export async function ChartSection(props: TimeChartProps | CategoryChartProps) {
  const t = await getTranslations("evaluation");
  const f = evaluationFormat(await getFormatter());
  const headingId = `${props.id}-title`;
  let chart: { kind: "bar" | "line"; labels: string[]; series: ChartSeries[]; percent?: boolean; categories?: boolean };
  let table: { columns: string[]; rows: Array<Array<string | number>>; collapsed?: boolean };
  if ("categories" in props) {
    const series = props.previous
      ? [
          { label: t("figures.current"), data: props.current },
          { label: t("figures.previous"), data: props.previous },
        ]
      : [{ label: props.counted, data: props.current }];
    chart = { kind: "bar", labels: props.categories, series, categories: true };
    table = {
      columns: [props.heading, ...(props.previous ? series.map((s) => s.label) : [t("charts.count")])],
      rows: props.categories.map((label, i) => [label, ...series.map((s) => s.data[i])]),
    };
  } else {
    const columns = props.columns ?? props.series;
    chart = { kind: props.kind, labels: props.starts.map(f.shortDate), series: props.series, percent: props.percent };
    table = {
      columns: [t(props.unit === "week" ? "charts.week" : "charts.date"), ...columns.map((c) => c.label)],
      rows: props.starts.map((start, i) => [f.date(start), ...columns.map((c) => c.data[i] ?? "–")]),
      collapsed: props.starts.length > 14,
    };
  }
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded border border-line bg-white p-4">
      <h3 id={headingId} className="text-lg font-bold">
        {props.title}
      </h3>
      <p className="text-sm text-muted">{props.description}</p>
      {props.empty ? (
        <p className="mt-3">{props.empty}</p>
      ) : (
        <>
          <EvaluationChart {...chart} description={`${props.title}. ${props.description}`} />
          <DataTable caption={props.title} {...table} summary={t("charts.numbers")} />
        </>
      )}
    </section>
  );
}
