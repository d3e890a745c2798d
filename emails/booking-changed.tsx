import { ActionButton, AppointmentDetails, CheckInCode, Detail, DocumentsList, Greeting, OfficeContact, Paragraph, SectionHeading, When } from "./components/parts";
import { documentsToBring, formatAppointment } from "./components/format";
import { EmailLayout } from "./components/layout";
import type { BookingEmailProps } from "./booking-confirmation";

/** The office changed the services of an appointment (and so its length); the start stays. */
export function BookingChangedEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const { office, booking, previous, previousServices } = payload;
  const when = formatAppointment(ctx.locale, office.timeZone, booking);
  const before = previous && formatAppointment(ctx.locale, office.timeZone, previous);
  return (
    <EmailLayout ctx={ctx} office={office} preview={t("changed.preview", { date: when.date, time: when.time })} heading={t("changed.heading")}>
      <Greeting ctx={ctx} booking={booking} />
      <Paragraph>{t("changed.intro")}</Paragraph>
      <AppointmentDetails ctx={ctx} payload={payload}>
        <SectionHeading>{t("changed.newTitle")}</SectionHeading>
        <When ctx={ctx} timeZone={office.timeZone} interval={booking} />
      </AppointmentDetails>
      {previous && previousServices && (
        <Detail label={t("changed.previousTitle")} old>
          {previousServices.join(", ")}
          <br />
          {t("common.timeRange", { start: before!.time, end: before!.endTime })}
        </Detail>
      )}
      {/* Other services may need other documents: the list of all of them again. */}
      {documentsToBring(payload).length > 0 && <DocumentsList ctx={ctx} title={t("confirmation.documentsTitle")} payload={payload} />}
      <CheckInCode ctx={ctx} payload={payload} />
      <ActionButton ctx={ctx} href={payload.manageUrl} label={t("common.manageButton")} intro={t("changed.manageIntro")} />
      <Paragraph>{t("common.calendarHint")}</Paragraph>
      <OfficeContact ctx={ctx} office={office} />
    </EmailLayout>
  );
}

export default BookingChangedEmail;
