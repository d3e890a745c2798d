import { AppointmentDetails, ActionButton, DocumentsList, Greeting, OfficeContact, Paragraph } from "./components/parts";
import { formatAppointment } from "./components/format";
import type { EmailContext } from "./components/i18n";
import { EmailLayout } from "./components/layout";
import type { BookingMailPayload } from "./payloads";

export interface BookingEmailProps {
  ctx: EmailContext;
  payload: BookingMailPayload;
}

export function BookingConfirmationEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const { office, service, booking } = payload;
  const when = formatAppointment(ctx.locale, office.timeZone, booking);
  return (
    <EmailLayout
      ctx={ctx}
      office={office}
      preview={t("confirmation.preview", { date: when.date, time: when.time })}
      heading={t("confirmation.heading")}
    >
      <Greeting ctx={ctx} booking={booking} />
      <Paragraph>{t("confirmation.intro")}</Paragraph>
      <AppointmentDetails ctx={ctx} payload={payload} />
      <Paragraph>{t("confirmation.referenceHint")}</Paragraph>
      <ActionButton
        href={payload.manageUrl}
        label={t("common.manageButton")}
        intro={t("confirmation.manageIntro")}
      />
      {service.documents.length > 0 ? (
        <DocumentsList ctx={ctx} title={t("confirmation.documentsTitle")} service={service} />
      ) : (
        <Paragraph>{t("confirmation.documentsGeneral")}</Paragraph>
      )}
      <Paragraph>{t("confirmation.punctuality")}</Paragraph>
      <Paragraph>{t("common.calendarHint")}</Paragraph>
      <OfficeContact ctx={ctx} office={office} />
    </EmailLayout>
  );
}

export default BookingConfirmationEmail;
