import { getFormatter, getTranslations } from "next-intl/server";
import { buttonPrimary, buttonSecondary } from "@/components/ui/styles";
import { dateAndTime } from "./format";

/** What of an offer from the waiting list the panel shows. */
export interface OfferView {
  outcome: string;
  deadline: Date;
}

/**
 * A held booking that is an offer from the waiting list: until when it may be accepted, and the two answers as plain
 * form POSTs (the e-mail's link only opens the page). Declining leads to its question first (the action decides).
 * Once the deadline has passed, it says so: the time went on, the wish stays on the waiting list.
 */
export async function OfferPanel({
  offer,
  timeZone,
  now,
  accept,
  decline,
}: {
  offer: OfferView;
  timeZone: string;
  now: Date;
  accept: () => Promise<void>;
  decline: () => Promise<void>;
}) {
  const t = await getTranslations("offers");
  const format = await getFormatter();
  const deadline = dateAndTime(format, offer.deadline, timeZone);
  const open = offer.outcome === "OPEN" && offer.deadline > now;
  return (
    <section aria-labelledby="offer-title" className="mb-6 rounded border-2 border-brand bg-white p-4" data-testid="offer-panel">
      <h2 id="offer-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      {open ? (
        <>
          <p className="my-2">{t("intro")}</p>
          <p className="my-2 font-semibold" data-testid="offer-deadline">
            {t("deadline", { deadline, hours: Math.floor((offer.deadline.getTime() - now.getTime()) / 3_600_000) })}
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <form action={accept}>
              <button type="submit" className={buttonPrimary}>
                {t("accept")}
              </button>
            </form>
            <form action={decline}>
              <button type="submit" className={buttonSecondary}>
                {t("decline")}
              </button>
            </form>
          </div>
        </>
      ) : (
        <p className="my-2">{t("expired", { deadline })}</p>
      )}
      <p className="mt-4 text-sm">{t("withdrawHint")}</p>
    </section>
  );
}
