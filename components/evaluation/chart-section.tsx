import { EvaluationChart, type ChartSeries } from "./chart";
import { DataTable } from "./data-table";

// One chart with its title, a one-line description and the table of its numbers.

export interface ChartSectionProps {
  id: string;
  title: string;
  description: string;
  kind: "bar" | "line";
  labels: string[];
  series: ChartSeries[];
  percent?: boolean;
  table: { columns: string[]; rows: Array<Array<string | number>>; collapsed?: boolean; summary: string };
  empty?: string;
  note?: string;
  /** See EvaluationChart. */
  categories?: boolean;
}

export function ChartSection(props: ChartSectionProps) {
  const headingId = `${props.id}-title`;
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded border border-line bg-white p-4">
      <h3 id={headingId} className="text-lg font-bold">
        {props.title}
      </h3>
      <p className="text-sm text-muted">{props.description}</p>
      {props.note && <p className="mt-1 text-sm">{props.note}</p>}
      {props.empty ? (
        <p className="mt-3">{props.empty}</p>
      ) : (
        <>
          <EvaluationChart kind={props.kind} labels={props.labels} series={props.series} percent={props.percent} categories={props.categories} description={`${props.title}. ${props.description}`} />
          <DataTable caption={props.title} columns={props.table.columns} rows={props.table.rows} collapsed={props.table.collapsed} summary={props.table.summary} />
        </>
      )}
    </section>
  );
}
