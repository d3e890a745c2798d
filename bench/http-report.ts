import { percentile } from "./timing";

// What one load run of `npm run bench:http` yields, and how runs are compared: every route as a ratio to the health
// check measured in the same run on the same instances.

/** What the load generator saw at one instance during one run. */
export interface LoadSample {
  /** Latency of every answered request, whatever its status, in milliseconds. */
  latenciesMs: number[];
  /** Answers by HTTP status. */
  statuses: Record<number, number>;
  /** Requests that got no answer: refused or reset connections. */
  errors: number;
  timeouts: number;
  /** From the first request sent to the last answer. */
  wallMs: number;
}

export interface LoadSummary {
  /** Answered requests. */
  requests: number;
  /** Answers with a 2xx status: the work the server did for its clients. */
  ok: number;
  /** Answers with any other status, by status. */
  failedStatuses: Record<number, number>;
  /** Requests without an answer (connection errors and timeouts). */
  errors: number;
  /** 2xx answers per second of wall time. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * One run's figures over all instances that served it. The instances were driven at the same time, so the run lasted
 * as long as the longest of them; latencies are pooled, so the percentiles are those of every request of the run.
 */
export function summarizeLoad(samples: LoadSample[]): LoadSummary {
  if (samples.length === 0) throw new Error("No load samples");
  const latencies = samples.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const sample of samples) {
    for (const [status, count] of Object.entries(sample.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
  }
  const requests = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  const ok = Object.entries(statuses)
    .filter(([status]) => Number(status) >= 200 && Number(status) < 300)
    .reduce((sum, [, n]) => sum + n, 0);
  const failedStatuses = Object.fromEntries(Object.entries(statuses).filter(([status]) => Number(status) < 200 || Number(status) >= 300));
  const wallMs = Math.max(...samples.map((s) => s.wallMs));
  return {
    requests,
    ok,
    failedStatuses,
    errors: samples.reduce((sum, s) => sum + s.errors + s.timeouts, 0),
    rps: wallMs > 0 ? ok / (wallMs / 1000) : 0,
    p50Ms: latencies.length > 0 ? percentile(latencies, 50) : NaN,
    p99Ms: latencies.length > 0 ? percentile(latencies, 99) : NaN,
  };
}

/** Non-2xx answers and unanswered requests: a run with any of them measured failures, not the route. */
export function problemsOf(name: string, summary: LoadSummary): string[] {
  const problems: string[] = [];
  const failed = Object.entries(summary.failedStatuses);
  if (failed.length > 0) problems.push(`${name}: ${failed.map(([status, n]) => `${n} x HTTP ${status}`).join(", ")}`);
  if (summary.errors > 0) problems.push(`${name}: ${summary.errors} requests without an answer`);
  if (summary.ok === 0) problems.push(`${name}: no successful request`);
  return problems;
}

export interface Ratio {
  /** Throughput as a share of the baseline's (below 1: slower). */
  rps: number;
  /** Latencies as multiples of the baseline's (above 1: slower). */
  p50: number;
  p99: number;
}

export function ratioTo(baseline: LoadSummary, route: LoadSummary): Ratio {
  return { rps: route.rps / baseline.rps, p50: route.p50Ms / baseline.p50Ms, p99: route.p99Ms / baseline.p99Ms };
}

export interface RouteRow {
  name: string;
  summary: LoadSummary;
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const times = (value: number) => `${value >= 10 ? value.toFixed(0) : value.toFixed(2)} ×`;

/** A Markdown table of one configuration's routes, the first row being the baseline the others are compared to. */
export function routeTable(rows: RouteRow[]): string {
  const [baseline] = rows;
  const lines = [
    "| route | requests | non-2xx / no answer | req/s | p50 ms | p99 ms | req/s vs. health | p50 vs. health | p99 vs. health |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { name, summary } of rows) {
    const r = ratioTo(baseline.summary, summary);
    const failed = Object.values(summary.failedStatuses).reduce((sum, n) => sum + n, 0);
    lines.push(
      `| ${name} | ${summary.requests.toLocaleString("en-US")} | ${failed} / ${summary.errors} | ${summary.rps.toFixed(0)} | ` +
        `${ms(summary.p50Ms)} | ${ms(summary.p99Ms)} | ${times(r.rps)} | ${times(r.p50)} | ${times(r.p99)} |`,
    );
  }
  return lines.join("\n");
}
