"use client";

import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  type ChartOptions,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { Bar, Line } from "react-chartjs-2";

// Charts of the evaluation with Chart.js: drawn on a canvas by the browser, so the strict CSP (no inline scripts or
// style elements) is not touched. Every chart on the page comes with a table of its numbers; the canvas itself is
// an image with a short description for screen readers.

ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

// Brand blue, red, dark orange and green: distinguishable also in greyscale, and lines differ in dash and point style.
const COLOURS = ["#0b4f8a", "#b3261e", "#8a4b00", "#00703c", "#5b2c83"];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 1]];
const POINTS = ["circle", "rectRot", "triangle", "rect", "star"] as const;

export interface ChartSeries {
  label: string;
  data: Array<number | null>;
}

export interface EvaluationChartProps {
  kind: "bar" | "line";
  labels: string[];
  series: ChartSeries[];
  /** Values are fractions shown as percent. */
  percent?: boolean;
  /** Short description of the chart for screen readers; the numbers are in the table next to it. */
  description: string;
  /** Categories (services, buckets) rather than a time axis: every label shown, long ones on several lines. */
  categories?: boolean;
}

/** "Abholung einer Aufenthaltserlaubnis" -> ["Abholung einer", "Aufenthaltserlaubnis"]: lines of about 20 characters. */
function wrapLabel(label: string): string[] {
  const lines: string[] = [];
  // Break at spaces and after slashes ("Beantragung/Verlängerung").
  for (const word of label.split(/ |(?<=\/)/)) {
    const last = lines[lines.length - 1];
    const joined = last?.endsWith("/") ? `${last}${word}` : `${last} ${word}`;
    if (last !== undefined && joined.length <= 20) lines[lines.length - 1] = joined;
    else lines.push(word);
  }
  return lines;
}

const percentFormat = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });

export function EvaluationChart({ kind, labels, series, percent, description, categories }: EvaluationChartProps) {
  const format = (v: number) => (percent ? percentFormat.format(v) : numberFormat.format(v));
  // Categories lie on the vertical axis (horizontal bars): long service names then have room, also at 360 px.
  const valueAxis = categories ? "x" : "y";
  const options: ChartOptions<"bar" | "line"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    locale: "de-DE",
    indexAxis: categories ? "y" : "x",
    interaction: { mode: "index", intersect: false, axis: categories ? "y" : "x" },
    plugins: {
      legend: { display: series.length > 1, labels: { usePointStyle: kind === "line", color: "#1a1a1a" } },
      tooltip: {
        callbacks: {
          label: (ctx) => {
            const v = categories ? ctx.parsed.x : ctx.parsed.y;
            return `${ctx.dataset.label ?? ""}: ${v === null ? "–" : format(v)}`;
          },
        },
      },
    },
    scales: {
      [categories ? "y" : "x"]: { ticks: { color: "#1a1a1a", autoSkip: !categories, maxRotation: 0 }, grid: { display: false } },
      [valueAxis]: { beginAtZero: true, ticks: { color: "#1a1a1a", precision: percent ? undefined : 0, callback: (v: number | string) => format(Number(v)) } },
    },
  };
  const datasets = series.map((s, i) => ({
    label: s.label,
    data: s.data,
    backgroundColor: COLOURS[i % COLOURS.length],
    borderColor: COLOURS[i % COLOURS.length],
    borderDash: kind === "line" ? DASHES[i % DASHES.length] : undefined,
    pointStyle: POINTS[i % POINTS.length],
    pointRadius: kind === "line" ? 3 : undefined,
    spanGaps: true,
  }));
  const axisLabels: unknown[] = categories ? labels.map(wrapLabel) : labels;
  const common = { role: "img", "aria-label": description, fallbackContent: <p>{description}</p> };
  return (
    <div className={`relative w-full ${categories && (labels.length > 5 || labels.some((l) => l.length > 24)) ? "h-[30rem]" : "h-64 sm:h-72"}`}>
      {kind === "bar" ? (
        <Bar {...common} data={{ labels: axisLabels, datasets }} options={options as ChartOptions<"bar">} />
      ) : (
        <Line {...common} data={{ labels: axisLabels, datasets }} options={options as ChartOptions<"line">} />
      )}
    </div>
  );
}
