import { AppointmentMail } from "./components/appointment-mail";
import { ActionButton, DocumentsList, Paragraph, CheckInCode } from "./components/parts";
import type { EmailContext } from "./components/i18n";
import type { BookingMailPayload } from "./payloads";

export interface BookingEmailProps {
  ctx: EmailContext;
  payload: BookingMailPayload;
}

export function BookingConfirmationEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const { service } = payload;
  return (
    <AppointmentMail ctx={ctx} payload={payload} texts="confirmation">
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
      <CheckInCode ctx={ctx} payload={payload} />
      <Paragraph>{t("common.calendarHint")}</Paragraph>
    </AppointmentMail>
  );
}

export default BookingConfirmationEmail;
