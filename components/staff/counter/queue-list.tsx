import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime } from "@/components/booking/format";
import { buttonSecondary } from "@/components/ui/styles";
import type { QueueRow } from "@/lib/schemas/counter";
import type { FormAction } from "./types";

const minutesSince = (from: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));

/** The day's waiting tickets: those this counter would call first, in that order, then the others, marked. */
export async function WaitingTable({ rows, timeZone, now }: { rows: QueueRow[]; timeZone: string; now: Date }) {
  const t = await getTranslations("counter.queue");
  const format = await getFormatter();
  return (
    <section aria-labelledby="queue-title" className="space-y-2">
      <h2 id="queue-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p>{t("count", { count: rows.length })}</p>
      {rows.length > 0 && (
        // Narrow screens scroll the table sideways: focusable, so the keyboard can scroll it too.
        <div className="overflow-x-auto" role="region" aria-labelledby="queue-title" tabIndex={0}>
          <table className="w-full border-collapse bg-white text-start">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b-2 border-ink text-start">
                <th scope="col" className="p-2 text-start">{t("number")}</th>
                <th scope="col" className="p-2 text-start">{t("service")}</th>
                <th scope="col" className="p-2 text-start">{t("due")}</th>
                <th scope="col" className="p-2 text-start">{t("waitingSince")}</th>
                <th scope="col" className="p-2 text-start">{t("note")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={`border-b border-line ${r.forThisCounter ? "" : "text-muted"}`}>
                  <th scope="row" className="p-2 text-start font-mono text-lg">
                    {r.label}
                  </th>
                  <td className="p-2">{r.serviceName}</td>
                  <td className="p-2">{r.dueAt ? clockTime(format, r.dueAt, timeZone) : t("noDue")}</td>
                  <td className="p-2 whitespace-nowrap">
                    {t("minutes", { time: clockTime(format, r.arrivedAt, timeZone), minutes: minutesSince(r.arrivedAt, now) })}
                  </td>
                  <td className="p-2">
                    {[
                      r.urgent ? t("urgent") : null,
                      r.forwardedToName ? t("forwardedTo", { counter: r.forwardedToName }) : null,
                      r.forThisCounter ? null : t("otherCounter"),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Parked tickets, each with Zurücknehmen; and what other counters have called. */
export async function OtherTickets({
  parked,
  calledElsewhere,
  officeSlug,
  takeBack,
}: {
  parked: QueueRow[];
  calledElsewhere: QueueRow[];
  officeSlug: string;
  takeBack: FormAction;
}) {
  const t = await getTranslations("counter");
  return (
    <>
      {parked.length > 0 && (
        <section aria-labelledby="parked-title" className="space-y-2">
          <h2 id="parked-title" className="text-xl font-bold">
            {t("parked.title")}
          </h2>
          <ul className="space-y-2">
            {parked.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3 rounded border border-line bg-white p-2">
                <span>{t("parked.item", { ticket: r.label, service: r.serviceName, counter: r.counterName ?? "–" })}</span>
                <form action={takeBack} className="ms-auto">
                  <input type="hidden" name="officeSlug" value={officeSlug} />
                  <input type="hidden" name="ticketId" value={r.id} />
                  <button type="submit" className={buttonSecondary} aria-label={t("actions.takeBackLabel", { ticket: r.label })}>
                    {t("actions.takeBack")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}
      {calledElsewhere.length > 0 && (
        <section aria-labelledby="elsewhere-title" className="space-y-2">
          <h2 id="elsewhere-title" className="text-xl font-bold">
            {t("elsewhere.title")}
          </h2>
          <ul className="list-disc space-y-1 ps-6">
            {calledElsewhere.map((r) => (
              <li key={r.id}>{t("elsewhere.item", { ticket: r.label, counter: r.counterName ?? "–", service: r.serviceName })}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
