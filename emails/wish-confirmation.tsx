import { Section } from "@react-email/section";
import type { WishMailPayload } from "./payloads";
import type { EmailContext } from "./components/i18n";
import { EmailLayout } from "./components/layout";
import { ActionButton, Detail, Greeting, MailText, OfficeContact, Paragraph } from "./components/parts";
import { styles } from "./components/theme";
import { localDateText, weekdayList } from "@/lib/i18n/local-dates";

export interface WishEmailProps {
  ctx: EmailContext;
  payload: WishMailPayload;
}

export function wishConfirmationSubject(ctx: EmailContext, payload: WishMailPayload): string {
  return ctx.t("wish.subject", { service: payload.service.name, reference: payload.wish.referenceCode });
}

/**
 * Sent when a citizen puts a wish on the waiting list: what the wish asks for, and the manage link. The wish counts
 * only after the citizen confirms it on that page (a POST there, never the GET of the link, which mail scanners
 * prefetch).
 */
export function WishConfirmationEmail({ ctx, payload }: WishEmailProps) {
  const { t } = ctx;
  const { wish, service } = payload;
  return (
    <EmailLayout ctx={ctx} office={payload.office} preview={t("wish.preview")} heading={t("wish.heading")}>
      <Greeting ctx={ctx} booking={wish} />
      <Paragraph>{t("wish.intro")}</Paragraph>
      <Paragraph>
        <strong>{t("wish.countsOnlyConfirmed")}</strong>
      </Paragraph>
      <ActionButton ctx={ctx} href={payload.manageUrl} label={t("wish.confirmButton")} intro={t("wish.confirmIntro")} />
      <Section style={styles.panel}>
        <Detail label={t("common.service")}>
          <MailText ctx={ctx} locale={service.textLocales?.name}>
            {service.name}
          </MailText>
        </Detail>
        <Detail label={t("common.persons")}>{t("common.personsValue", { count: wish.persons })}</Detail>
        <Detail label={t("wish.period")}>
          {t("wish.periodValue", { from: localDateText(ctx.locale, wish.earliestDate), to: localDateText(ctx.locale, wish.latestDate) })}
        </Detail>
        <Detail label={t("wish.weekdays")}>{weekdayList(ctx.locale, wish.weekdays)}</Detail>
        <Detail label={t("wish.dayParts")}>{wish.dayParts.map((p) => t(`wish.dayPart.${p}`)).join(", ")}</Detail>
        <Detail label={t("wish.reference")}>
          <span dir="ltr">{wish.referenceCode}</span>
        </Detail>
      </Section>
      <Paragraph>{t("wish.howOffers")}</Paragraph>
      <Paragraph>{t("wish.manageHint")}</Paragraph>
      <Paragraph>{t("wish.notYou")}</Paragraph>
      <OfficeContact ctx={ctx} office={payload.office} />
    </EmailLayout>
  );
}

export default WishConfirmationEmail;
