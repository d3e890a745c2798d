import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { StaffInviteMailPayload } from "./payloads";
import type { EmailContext } from "./components/i18n";
import { EmailLayout } from "./components/layout";
import { ActionButton, Detail, Paragraph } from "./components/parts";
import { styles } from "./components/theme";

export interface StaffInviteEmailProps {
  ctx: EmailContext;
  payload: StaffInviteMailPayload;
}

/** "24. November 2026, 15:00" in the office's time zone. */
function expiry(ctx: EmailContext, payload: StaffInviteMailPayload): string {
  return new Intl.DateTimeFormat(ctx.locale, {
    timeZone: payload.timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(payload.expiresAt));
}

export function staffInviteSubject(ctx: EmailContext, payload: StaffInviteMailPayload): string {
  return ctx.t(payload.kind === "reset" ? "staffInvite.subjectReset" : "staffInvite.subject");
}

/** The one-time link to set a password: for a new staff account, or as a reset of a forgotten password. */
export function StaffInviteEmail({ ctx, payload }: StaffInviteEmailProps) {
  const { t } = ctx;
  const reset = payload.kind === "reset";
  const expires = expiry(ctx, payload);
  return (
    <EmailLayout
      ctx={ctx}
      office={{ name: t("staffInvite.senderName"), authority: payload.authority }}
      preview={t("staffInvite.preview", { expires })}
      heading={t(reset ? "staffInvite.headingReset" : "staffInvite.heading")}
    >
      <Text style={styles.text}>{t("common.greeting", { name: payload.name })}</Text>
      <Paragraph>{t(reset ? "staffInvite.introReset" : "staffInvite.intro")}</Paragraph>
      {!reset && (
        <Section style={styles.panel}>
          <Detail label={t("staffInvite.roleTitle")}>{t(`staffInvite.role.${payload.role}`)}</Detail>
          <Detail label={t("staffInvite.officesTitle")}>
            {payload.role === "ADMIN" || payload.offices.length === 0 ? t("staffInvite.allOffices") : payload.offices.join(", ")}
          </Detail>
        </Section>
      )}
      <ActionButton ctx={ctx} href={payload.inviteUrl} label={t("staffInvite.button")} intro={t("staffInvite.buttonIntro")} />
      <Paragraph>{t("staffInvite.validUntil", { expires })}</Paragraph>
      <Paragraph>{t("staffInvite.notExpected")}</Paragraph>
    </EmailLayout>
  );
}

export default StaffInviteEmail;
