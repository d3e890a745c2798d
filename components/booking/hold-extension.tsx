import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonSecondary } from "@/components/ui/styles";
import { canExtendHold, holdLimit } from "@/lib/domain";
import { dateAndTime } from "./format";

type HeldBooking = { status: string; holdExpiresAt: Date | null; createdAt: Date; office: { holdMinutes: number; timeZone: string } };

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
export async function HoldExtension({ booking, action, now }: { booking: HeldBooking; action: () => Promise<void>; now: Date }) {
  if (booking.status !== "HELD" || !booking.holdExpiresAt || booking.holdExpiresAt <= now) return null;
  const t = await getTranslations("booking.hold");
  const format = await getFormatter();
  const { holdMinutes, timeZone } = booking.office;
  const limit = holdLimit(booking, holdMinutes);
  if (!canExtendHold(booking, holdMinutes, now)) {
    return (
      <p className="mt-2" data-testid="hold-limit">
        {t("noMoreExtension", { deadline: dateAndTime(format, booking.holdExpiresAt, timeZone) })}
      </p>
    );
  }
  const minutes = Math.max(1, Math.min(holdMinutes, Math.floor((limit.getTime() - now.getTime()) / 60_000)));
  return (
    <form action={action} className="mt-4">
      <p className="mb-2">{t("extendHint", { limit: dateAndTime(format, limit, timeZone) })}</p>
      <button type="submit" className={buttonSecondary} data-testid="extend-hold">
        {t("extend", { minutes })}
      </button>
    </form>
  );
}
