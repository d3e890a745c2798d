import { getFormatter, getTranslations } from "next-intl/server";
import { dateAndTime, longDate } from "@/components/booking/format";
import { buttonPrimary, link } from "@/components/ui/styles";
import { Link } from "@/lib/i18n/navigation";
import type { ServiceRoundInfo } from "@/lib/schemas/release-round";

/**
 * For a service whose appointments are given out in release rounds: when the next window opens and closes, how many
 * appointments it releases, how many requests the last round had, and during the window the way to a request.
 */
export async function RoundNotice({ info, timeZone, requestHref }: { info: ServiceRoundInfo; timeZone: string; requestHref?: string }) {
  const t = await getTranslations("rounds.notice");
  const format = await getFormatter();
  const { next } = info;
  const when = (at: Date) => dateAndTime(format, at, timeZone);
  const day = (date: string) => longDate(format, new Date(`${date}T12:00:00Z`), "UTC");
  return (
    <section aria-labelledby="round-notice" className="mb-6 rounded border-s-8 border-brand bg-white p-4" data-testid="round-notice">
      <h2 id="round-notice" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-1">{t("intro")}</p>
      {next ? (
        <>
          <p className="mt-2 font-semibold">
            {next.open ? t("openNow", { closes: when(next.closesAt) }) : t("nextWindow", { opens: when(next.opensAt), closes: when(next.closesAt) })}
          </p>
          <p>{t("places", { count: next.places, from: day(next.periodFrom), to: day(next.periodTo) })}</p>
        </>
      ) : (
        <p className="mt-2 font-semibold">{t("noRound")}</p>
      )}
      {info.lastRequestCount !== null && <p>{t("lastTime", { count: info.lastRequestCount })}</p>}
      {next?.open && requestHref && (
        <p className="mt-3">
          <Link href={requestHref} className={buttonPrimary}>
            {t("request")}
          </Link>
        </p>
      )}
      {next && (
        <p className="mt-2">
          <Link href={`/runde/${next.id}`} className={`inline-flex min-h-11 items-center ${link}`}>
            {t("roundPage")}
          </Link>
        </p>
      )}
    </section>
  );
}
