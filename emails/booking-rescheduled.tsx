import { ActionButton, AppointmentDetails, Detail, Greeting, OfficeContact, Paragraph, SectionHeading, When, CheckInCode } from "./components/parts";
import { formatAppointment } from "./components/format";
import { EmailLayout } from "./components/layout";
import type { BookingEmailProps } from "./booking-confirmation";

export function BookingRescheduledEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const { office, booking, previous } = payload;
  const when = formatAppointment(ctx.locale, office.timeZone, booking);
  return (
    <EmailLayout
      ctx={ctx}
      office={office}
      preview={t("rescheduled.preview", { date: when.date, time: when.time })}
      heading={t("rescheduled.heading")}
    >
      <Greeting ctx={ctx} booking={booking} />
      <Paragraph>{t("rescheduled.intro")}</Paragraph>
      <AppointmentDetails ctx={ctx} payload={payload}>
        <SectionHeading>{t("rescheduled.newTitle")}</SectionHeading>
        <When ctx={ctx} timeZone={office.timeZone} interval={booking} />
        {previous && (
          <>
            <SectionHeading>{t("rescheduled.previousTitle")}</SectionHeading>
            <When ctx={ctx} timeZone={office.timeZone} interval={previous} old />
          </>
        )}
      </AppointmentDetails>
      {payload.reason && <Detail label={t("rescheduled.reasonTitle")}>{payload.reason}</Detail>}
      {previous && <Paragraph>{t("rescheduled.previousNote")}</Paragraph>}
      <CheckInCode ctx={ctx} payload={payload} />
      <ActionButton ctx={ctx} href={payload.manageUrl} label={t("common.manageButton")} intro={t("rescheduled.manageIntro")} />
      <Paragraph>{t("common.calendarHint")}</Paragraph>
      <OfficeContact ctx={ctx} office={office} />
    </EmailLayout>
  );
}

export default BookingRescheduledEmail;
