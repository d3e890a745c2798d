import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { clockTime } from "@/components/booking/format";
import { buttonDanger, buttonPrimary, buttonSecondary, link } from "@/components/ui/styles";
import type { CounterOption, CurrentTicket } from "@/lib/schemas/counter";
import { ForwardDialog } from "./forward-dialog";
import type { CounterScreenActions } from "./types";

/**
 * The counter's current ticket and its buttons. Aufrufen stands alone while nothing is called; with a ticket called,
 * the buttons that finish it, call it again, park it or forward it.
 */
export async function CurrentTicketPanel({
  officeSlug,
  counter,
  current,
  counters,
  services,
  timeZone,
  actions,
}: {
  officeSlug: string;
  counter: CounterOption;
  current: CurrentTicket | null;
  counters: CounterOption[];
  services: { id: string; name: string }[];
  timeZone: string;
  actions: CounterScreenActions;
}) {
  const t = await getTranslations("counter");
  const format = await getFormatter();
  const hidden = (
    <>
      <input type="hidden" name="officeSlug" value={officeSlug} />
      <input type="hidden" name="counterId" value={counter.id} />
      {current && <input type="hidden" name="ticketId" value={current.id} />}
    </>
  );
  return (
    <section aria-labelledby="current-title" className="rounded border-2 border-brand bg-white p-4">
      <h2 id="current-title" className="text-xl font-bold">
        {t("current.title")}
      </h2>
      {current ? (
        <div className="mt-2 space-y-1">
          <p className="font-mono text-5xl font-bold tracking-wide" aria-live="polite">
            {current.label}
          </p>
          <p className="text-lg">
            {current.serviceName}
            {" · "}
            {current.dueAt ? t("current.due", { time: clockTime(format, current.dueAt, timeZone) }) : t("current.walkIn")}
            {current.urgent && <> · <strong>{t("current.urgent")}</strong></>}
          </p>
          <p className="text-muted">
            {current.calledAt && t("current.calledAt", { time: clockTime(format, current.calledAt, timeZone) })}
            {" · "}
            {t("current.calls", { count: current.callCount })}
          </p>
          {current.booking && (
            <p>
              {t("current.booking", { reference: current.booking.referenceCode, name: current.booking.name ?? t("current.erased") })}
              {" · "}
              {t("current.persons", { count: current.booking.persons })}
              {" · "}
              <Link href={`/staff/${officeSlug}/termine/${current.booking.id}`} className={link}>
                {t("current.openBooking")}
              </Link>
            </p>
          )}
        </div>
      ) : (
        <p className="mt-2">{t("current.empty")}</p>
      )}

      <div role="group" aria-label={t("actions.label")} className="mt-4 flex flex-wrap gap-3">
        {current ? (
          <>
            <form action={actions.finish}>
              {hidden}
              <button type="submit" name="outcome" value="SERVED" className={buttonPrimary}>
                {t("actions.served")}
              </button>
            </form>
            <form action={actions.recall}>
              {hidden}
              <button type="submit" className={buttonSecondary}>
                {t("actions.recall")}
              </button>
            </form>
            <form action={actions.finish}>
              {hidden}
              <button type="submit" name="outcome" value="NO_SHOW" className={buttonDanger}>
                {t("actions.noShow")}
              </button>
            </form>
            <form action={actions.park}>
              {hidden}
              <button type="submit" className={buttonSecondary}>
                {t("actions.park")}
              </button>
            </form>
            <ForwardDialog
              action={actions.forward}
              officeSlug={officeSlug}
              counterId={counter.id}
              ticketId={current.id}
              services={services.filter((s) => s.id !== current.serviceId)}
              counters={counters.filter((c) => c.id !== counter.id)}
              texts={{
                open: t("actions.forward"),
                title: t("forward.title", { ticket: current.label }),
                intro: t("forward.intro"),
                service: t("forward.service"),
                sameService: t("forward.sameService", { service: current.serviceName }),
                counter: t("forward.counter"),
                anyCounter: t("forward.anyCounter"),
                submit: t("forward.submit"),
                cancel: t("forward.cancel"),
              }}
            />
          </>
        ) : (
          <form action={actions.callNext}>
            {hidden}
            <button type="submit" className={`${buttonPrimary} min-w-48 text-xl`}>
              {t("actions.call")}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}
