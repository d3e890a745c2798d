import { localDateOf } from "@/lib/domain";
import { currentStaff } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { dailyRowsCsv, evaluationJson, queueRowsCsv, totalsCsv } from "@/lib/server/services/evaluation/export";
import { parseEvaluationQuery } from "@/lib/server/services/evaluation/query";
import { readEvaluation } from "@/lib/server/services/evaluation/read-evaluation";

// Downloads of the evaluation: ?format=csv&teil=tage|warteschlange|kennzahlen or ?format=json, with the dashboard's own query.
// Authorises itself like every staff endpoint: a signed-out request is 401, another office 403, an unknown office or
// service 404, an invalid period 400; never a 500 for bad input.

export const dynamic = "force-dynamic";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, OFFICE_NOT_FOUND: 404, SERVICE_NOT_FOUND: 404 };

function problem(status: number, code: string) {
  return Response.json({ error: { code } }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return problem(401, "UNAUTHENTICATED");
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  const part = params.get("teil") ?? "tage";
  if (!["csv", "json"].includes(format) || !["tage", "warteschlange", "kennzahlen"].includes(part)) return problem(400, "INVALID_INPUT");

  const now = new Date();
  const query = parseEvaluationQuery(params, localDateOf(now, "Europe/Berlin"));
  if (query.invalid.length > 0) return problem(400, "INVALID_INPUT");
  let evaluation;
  try {
    evaluation = await readEvaluation(getDb(), staff, query, now);
  } catch (e) {
    if (isAppError(e) && STATUS[e.code]) return problem(STATUS[e.code], e.code);
    throw e;
  }

  const name = `auswertung-${evaluation.scope.office?.slug ?? "alle-stellen"}-${query.period.from}-${query.period.to}`;
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "json") {
    return new Response(JSON.stringify(evaluationJson(evaluation), null, 2), {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.json"` },
    });
  }
  const csv = part === "kennzahlen" ? totalsCsv(evaluation) : part === "warteschlange" ? queueRowsCsv(evaluation) : dailyRowsCsv(evaluation);
  return new Response(csv, {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}-${part}.csv"` },
  });
}
