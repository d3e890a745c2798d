import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { clockTime, longDate } from "@/components/booking/format";
import { TextInLanguage } from "@/components/ui/text-in-language";
import { OFFICE_TEXT_LOCALE } from "@/lib/domain/service-texts";
import type { TicketView } from "@/lib/schemas/checkin";

export type { TicketView };

/** The answer after check-in or a walk-in ticket: the number large, then the time, the service and where to wait. */
export async function TicketAnswer({ ticket, headingLevel = 1 }: { ticket: TicketView; headingLevel?: 1 | 2 }) {
  const t = await getTranslations("checkin.answer");
  const format = await getFormatter();
  const locale = await getLocale();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className="space-y-4">
      <Heading className="text-3xl font-bold">{ticket.kind === "APPOINTMENT" ? t("titleCheckedIn") : t("titleWalkIn")}</Heading>
      <div className="rounded border-4 border-brand bg-white p-6 text-center">
        <p className="text-xl font-semibold">{t("number")}</p>
        <p className="font-mono text-7xl font-bold tracking-wider sm:text-8xl" data-testid="ticket-number">
          {ticket.label}
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-xl sm:grid-cols-[auto_1fr]">
        {ticket.dueAt && (
          <>
            <dt className="font-semibold">{t("appointment")}</dt>
            <dd>{clockTime(format, ticket.dueAt, ticket.timeZone)}</dd>
          </>
        )}
        <dt className="font-semibold">{t("service")}</dt>
        <dd>
          <TextInLanguage locale={ticket.serviceNameLocale} pageLocale={locale}>
            {ticket.serviceName}
          </TextInLanguage>
        </dd>
        {ticket.waitMinutes !== null && (
          <>
            <dt className="font-semibold">{t("waitLabel")}</dt>
            <dd data-testid="ticket-wait">{t("wait", { minutes: ticket.waitMinutes })}</dd>
          </>
        )}
        <dt className="font-semibold">{t("whereLabel")}</dt>
        <dd>
          {ticket.waitingArea ? (
            <TextInLanguage locale={OFFICE_TEXT_LOCALE} pageLocale={locale}>
              {ticket.waitingArea}
            </TextInLanguage>
          ) : (
            t("whereDefault")
          )}
        </dd>
      </dl>
      <p className="text-xl">{t("watchDisplay")}</p>
    </div>
  );
}

/** The printed slip (print only), sized for an 80 mm receipt roll: number, time, service, where to wait. */
export async function TicketSlip({ ticket, officeName }: { ticket: TicketView; officeName: string }) {
  const t = await getTranslations("checkin.ticket");
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <div className="print-ticket hidden text-center text-black print:block" data-testid="ticket-slip">
      <p className="text-sm" lang={OFFICE_TEXT_LOCALE}>
        {officeName}
      </p>
      <p className="mt-2 text-sm">{t("number")}</p>
      <p className="font-mono text-5xl font-bold">{ticket.label}</p>
      <p className="mt-2 text-base">
        {ticket.dueAt
          ? t("appointment", { time: clockTime(format, ticket.dueAt, ticket.timeZone) })
          : t("issued", { time: clockTime(format, ticket.arrivedAt, ticket.timeZone) })}
      </p>
      <p className="text-base">
        <TextInLanguage locale={ticket.serviceNameLocale} pageLocale={locale}>
          {ticket.serviceName}
        </TextInLanguage>
      </p>
      {ticket.waitingArea && (
        <p className="mt-2 text-base">
          {t("waitingArea")}{" "}
          <TextInLanguage locale={OFFICE_TEXT_LOCALE} pageLocale={locale}>
            {ticket.waitingArea}
          </TextInLanguage>
        </p>
      )}
      <p className="mt-2 text-sm">{longDate(format, ticket.arrivedAt, ticket.timeZone)}</p>
      <p className="mt-2 text-sm">{t("watchDisplay")}</p>
    </div>
  );
}
