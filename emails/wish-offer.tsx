import { AppointmentMail } from "./components/appointment-mail";
import { ActionButton, Paragraph } from "./components/parts";
import type { BookingEmailProps } from "./booking-confirmation";
import { holdDeadline } from "./booking-verification";

/**
 * A time that became free, offered to a wish on the waiting list: it is held for the citizen until the deadline.
 * The link opens the booking's manage page, where buttons (POSTs, never the GET of the link, which mail scanners
 * prefetch) accept or decline it. No calendar file: nothing is booked until the citizen accepts.
 */
export function WishOfferEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const deadline = holdDeadline(ctx, payload.office.timeZone, payload.holdExpiresAt ?? payload.booking.startsAt);
  return (
    <AppointmentMail ctx={ctx} payload={payload} texts="wishOffer">
      <Paragraph>
        <strong>{t("wishOffer.deadline", { deadline })}</strong>
      </Paragraph>
      <ActionButton ctx={ctx} href={payload.manageUrl} label={t("wishOffer.button")} intro={t("wishOffer.actionIntro")} />
      <Paragraph>{t("wishOffer.declineHint")}</Paragraph>
    </AppointmentMail>
  );
}

export default WishOfferEmail;
