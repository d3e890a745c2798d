import type { ReactNode } from "react";
import type { BookingMailPayload } from "../payloads";
import { formatAppointment } from "./format";
import type { EmailContext } from "./i18n";
import { EmailLayout } from "./layout";
import { AppointmentDetails, comesToOffice, Greeting, OfficeContact, Paragraph } from "./parts";

/**
 * The frame of an e-mail about a booked appointment: preview, heading, greeting and intro from the e-mail's texts,
 * then the appointment (with the hint to keep its reference while it is booked), the e-mail's own part, and the
 * office's contact.
 */
export function AppointmentMail({
  ctx,
  payload,
  texts,
  children,
}: {
  ctx: EmailContext;
  payload: BookingMailPayload;
  texts: "confirmation" | "reminder" | "cancelled" | "wishOffer";
  children: ReactNode;
}) {
  const { t } = ctx;
  const { office, booking } = payload;
  const when = formatAppointment(ctx.locale, office.timeZone, booking);
  return (
    <EmailLayout
      ctx={ctx}
      office={office}
      preview={t(`${texts}.preview`, { date: when.date, time: when.time })}
      heading={t(`${texts}.heading`)}
    >
      <Greeting ctx={ctx} booking={booking} />
      <Paragraph>{t(`${texts}.intro`)}</Paragraph>
      <AppointmentDetails ctx={ctx} payload={payload} />
      {(texts === "confirmation" || texts === "reminder") && comesToOffice(payload) && (
        <Paragraph>{t("confirmation.referenceHint")}</Paragraph>
      )}
      {children}
      <OfficeContact ctx={ctx} office={office} />
    </EmailLayout>
  );
}
