import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary } from "@/components/ui/styles";
import type { HoldExtensionOffer } from "@/lib/domain/holds";
import { dateAndTime } from "./format";

type HeldBooking = { status: string; holdExpiresAt: Date | null; office: { timeZone: string } };

/** The "extended" message for the top of a page, announced to screen readers (role="status"). */
export async function HoldExtendedNotice({ booking }: { booking: HeldBooking }) {
  if (booking.status !== "HELD" || !booking.holdExpiresAt) return null;
  const t = await getTranslations("booking.hold");
  const format = await getFormatter();
  return (
    <Alert kind="success">
      <span data-testid="hold-extended">{t("extended", { deadline: dateAndTime(format, booking.holdExpiresAt, booking.office.timeZone) })}</span>
    </Alert>
  );
}

/**
 * "Mehr Zeit" for a live hold (WCAG 2.2.1): a plain form POST, so it works without JavaScript. Once the hold has
 * reached its limit, the button goes and the text says until when the hold lasts at the latest.
 */
export async function HoldExtension({
  offer,
  timeZone,
  action,
}: {
  /** The page's `holdExtensionOffer`; null (no live hold) shows nothing. */
  offer: HoldExtensionOffer | null;
  timeZone: string;
  action: () => Promise<void>;
}) {
  if (!offer) return null;
  const t = await getTranslations("booking.hold");
  const format = await getFormatter();
  if (!offer.extendable) {
    return (
      <p className="mt-2" data-testid="hold-limit">
        {t("noMoreExtension", { deadline: dateAndTime(format, offer.deadline, timeZone) })}
      </p>
    );
  }
  return (
    <form action={action} className="mt-4">
      <p className="mb-2">{t("extendHint", { limit: dateAndTime(format, offer.limit, timeZone) })}</p>
      <button type="submit" className={buttonSecondary} data-testid="extend-hold">
        {t("extend", { minutes: offer.minutes })}
      </button>
    </form>
  );
}
