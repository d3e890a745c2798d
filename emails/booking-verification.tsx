import { ActionButton, AppointmentDetails, Greeting, OfficeContact, Paragraph } from "./components/parts";
import { formatAppointment } from "./components/format";
import type { EmailContext } from "./components/i18n";
import { EmailLayout } from "./components/layout";
import type { BookingEmailProps } from "./booking-confirmation";

/** "Dienstag, 1. Dezember 2026, 14:30 Uhr": when the hold ends, in the office's time zone. */
export function holdDeadline(ctx: EmailContext, timeZone: string, holdExpiresAt: string): string {
  const when = formatAppointment(ctx.locale, timeZone, { startsAt: holdExpiresAt, endsAt: holdExpiresAt });
  return ctx.t("common.dateTime", { date: when.date, time: when.time });
}

/**
 * Sent instead of the confirmation when the office asks citizens to confirm their address: the appointment is held
 * until the deadline. The link opens the manage page, where a button (a POST, never the GET of the link itself,
 * which mail scanners prefetch) confirms it. No calendar file: nothing is booked yet.
 */
export function BookingVerificationEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const deadline = holdDeadline(ctx, payload.office.timeZone, payload.holdExpiresAt ?? payload.booking.startsAt);
  return (
    <EmailLayout ctx={ctx} office={payload.office} preview={t("verification.preview", { deadline })} heading={t("verification.heading")}>
      <Greeting ctx={ctx} booking={payload.booking} />
      <Paragraph>{t("verification.intro")}</Paragraph>
      <Paragraph>
        <strong>{t("verification.deadline", { deadline })}</strong>
      </Paragraph>
      <ActionButton ctx={ctx} href={payload.manageUrl} label={t("verification.confirmButton")} intro={t("verification.confirmIntro")} />
      <AppointmentDetails ctx={ctx} payload={payload} />
      <Paragraph>{t("verification.notYou")}</Paragraph>
      <OfficeContact ctx={ctx} office={payload.office} />
    </EmailLayout>
  );
}

export default BookingVerificationEmail;
