import { AppointmentMail } from "./components/appointment-mail";
import { ActionButton, DocumentsList, Paragraph, CheckInCode } from "./components/parts";
import { documentsToBring } from "./components/format";
import type { EmailContext } from "./components/i18n";
import type { BookingMailPayload } from "./payloads";

export interface BookingEmailProps {
  ctx: EmailContext;
  payload: BookingMailPayload;
}

export function BookingConfirmationEmail({ ctx, payload }: BookingEmailProps) {
  const { t } = ctx;
  const documents = documentsToBring(payload);
  return (
    <AppointmentMail ctx={ctx} payload={payload} texts="confirmation">
      <ActionButton
        ctx={ctx}
        href={payload.manageUrl}
        label={t("common.manageButton")}
        intro={t("confirmation.manageIntro")}
      />
      {documents.length > 0 ? (
        <DocumentsList ctx={ctx} title={t("confirmation.documentsTitle")} payload={payload} />
      ) : (
        <Paragraph>{t("confirmation.documentsGeneral")}</Paragraph>
      )}
      {payload.kind === "PHONE" ? (
        <Paragraph>{t("confirmation.phoneNote")}</Paragraph>
      ) : payload.kind === "VIDEO" ? (
        <Paragraph>{t("confirmation.videoNote")}</Paragraph>
      ) : (
        <Paragraph>{t("confirmation.punctuality")}</Paragraph>
      )}
      <CheckInCode ctx={ctx} payload={payload} />
      <Paragraph>{t("common.calendarHint")}</Paragraph>
    </AppointmentMail>
  );
}

export default BookingConfirmationEmail;
