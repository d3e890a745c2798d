import { isValidPeriod, previousPeriod, QUICK_PERIODS, quickPeriod, type Period, type QuickPeriod } from "@/lib/domain/statistics";
import { slugSchema } from "@/lib/schemas/booking";
import { ALL_OFFICES, type ComparisonChoice } from "@/lib/schemas/evaluation";

// The dashboard's and the exports' query parameters, read the same way for both: the page links to the export with
// its own query, so an export contains exactly what the page shows.

export interface EvaluationQuery {
  /**
   * Office slug, ALL_OFFICES (administrators only), or undefined: all offices for administrators, the first own
   * office for office administrators.
   */
  office?: string;
  /** Service slug within the chosen office. */
  service?: string;
  period: Period;
  comparison: ComparisonChoice;
  /** Set when the requested period or comparison was invalid and a default was used instead. */
  invalid: Array<"period" | "comparison">;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function param(params: Params, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(name) ?? undefined : params[name];
  return typeof value === "string" ? value : undefined;
}

const slug = (value: string | undefined) => (value && slugSchema.safeParse(value).success ? value : undefined);

export const DEFAULT_QUICK_PERIOD: QuickPeriod = "last4Weeks";

/** Reads `stelle`, `leistung`, `zeitraum` (a quick choice) or `von`/`bis`, and `vergleich` (`vorher` or `vvon`/`vbis`). */
export function parseEvaluationQuery(params: Params, today: string): EvaluationQuery {
  const invalid: EvaluationQuery["invalid"] = [];
  const office = param(params, "stelle");

  let period = quickPeriod(DEFAULT_QUICK_PERIOD, today);
  const quick = param(params, "zeitraum");
  const from = param(params, "von");
  const to = param(params, "bis");
  if (quick && (QUICK_PERIODS as readonly string[]).includes(quick)) period = quickPeriod(quick as QuickPeriod, today);
  else if (from || to) {
    const requested = { from, to };
    if (isValidPeriod(requested)) period = requested;
    else invalid.push("period");
  }

  let comparison: ComparisonChoice = { kind: "none" };
  const compare = param(params, "vergleich");
  if (compare === "vorher") comparison = { kind: "previous" };
  else if (compare === "zeitraum") {
    const requested = { from: param(params, "vvon"), to: param(params, "vbis") };
    if (isValidPeriod(requested)) comparison = { kind: "custom", period: requested };
    else invalid.push("comparison");
  }

  return { office, service: slug(param(params, "leistung")), period, comparison, invalid };
}

export function comparisonPeriod(q: EvaluationQuery): Period | null {
  if (q.comparison.kind === "previous") return previousPeriod(q.period);
  if (q.comparison.kind === "custom") return q.comparison.period;
  return null;
}

/** The query string of a dashboard state (for links, the comparison button and the exports). */
export function evaluationSearch(q: {
  office?: string;
  service?: string;
  period: Period;
  comparison: ComparisonChoice;
}, extra: Record<string, string> = {}): string {
  const s = new URLSearchParams();
  s.set("stelle", q.office ?? ALL_OFFICES);
  if (q.service) s.set("leistung", q.service);
  s.set("von", q.period.from);
  s.set("bis", q.period.to);
  if (q.comparison.kind === "previous") s.set("vergleich", "vorher");
  if (q.comparison.kind === "custom") {
    s.set("vergleich", "zeitraum");
    s.set("vvon", q.comparison.period.from);
    s.set("vbis", q.comparison.period.to);
  }
  for (const [k, v] of Object.entries(extra)) s.set(k, v);
  return s.toString();
}
