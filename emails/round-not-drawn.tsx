import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { localDateText } from "@/lib/i18n/local-dates";
import type { RoundNotDrawnMailPayload } from "./payloads";
import type { EmailContext } from "./components/i18n";
import { EmailLayout } from "./components/layout";
import { ActionButton, Detail, OfficeContact, Paragraph } from "./components/parts";
import { styles } from "./components/theme";

export interface RoundNotDrawnEmailProps {
  ctx: EmailContext;
  payload: RoundNotDrawnMailPayload;
}

export function roundNotDrawnSubject(ctx: EmailContext, payload: RoundNotDrawnMailPayload): string {
  return ctx.t("roundNotDrawn.subject", { service: payload.serviceName });
}

/** A request of a release round that the draw gave no time: it stays on the waiting list. */
export function RoundNotDrawnEmail({ ctx, payload }: RoundNotDrawnEmailProps) {
  const { t } = ctx;
  // Office-local dates in the Gregorian calendar of the office's letters, as in the wish's e-mail.
  const [from, to] = [localDateText(ctx.locale, payload.periodFrom), localDateText(ctx.locale, payload.periodTo)];
  return (
    <EmailLayout ctx={ctx} office={payload.office} preview={t("roundNotDrawn.preview")} heading={t("roundNotDrawn.heading")}>
      <Text style={styles.text}>{payload.name ? t("common.greeting", { name: payload.name }) : t("common.greetingNoName")}</Text>
      <Paragraph>{t("roundNotDrawn.intro", { service: payload.serviceName, from, to })}</Paragraph>
      <Section style={styles.panel}>
        <Detail label={t("common.service")}>{payload.serviceName}</Detail>
        <Detail label={t("roundNotDrawn.request")}>{payload.referenceCode}</Detail>
      </Section>
      <Paragraph>{t("roundNotDrawn.waitingList")}</Paragraph>
      <ActionButton ctx={ctx} href={payload.roundUrl} label={t("roundNotDrawn.button")} intro={t("roundNotDrawn.buttonIntro")} />
      <OfficeContact ctx={ctx} office={payload.office} />
    </EmailLayout>
  );
}

export default RoundNotDrawnEmail;
