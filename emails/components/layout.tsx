// Each part from its own package: the @react-email/components barrel also loads its Tailwind, Markdown and code
// highlighting, which every process that renders an e-mail paid for at start-up.
import { Body } from "@react-email/body";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Img } from "@react-email/img";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { ReactNode } from "react";
import type { BookingMailPayload } from "../payloads";
import { messageWithTexts } from "@/components/ui/text-in-language";
import type { EmailContext } from "./i18n";
import { MailText } from "./parts";
import { colors, styles } from "./theme";

/** The city's name and logo on its primary colour above the e-mail, when the administrators set a branding. */
function BrandBand({ ctx }: { ctx: EmailContext }) {
  const branding = ctx.branding;
  if (!branding?.cityName && !branding?.logo) return null;
  return (
    <Section style={{ ...styles.band, backgroundColor: branding.primaryColor ?? colors.brand }} data-branding="band">
      {branding.logo && (
        <Img src={branding.logo.url} alt={branding.logo.alt} height="48" style={styles.bandLogo} lang="de" />
      )}
      {branding.cityName && (
        <Text style={styles.bandName}>
          <MailText ctx={ctx} locale="de">
            {branding.cityName}
          </MailText>
        </Text>
      )}
    </Section>
  );
}

/** The frame of every e-mail: language, sender (office and authority), heading, content and a short footer. */
export function EmailLayout({
  ctx,
  office,
  preview,
  heading,
  children,
}: {
  ctx: EmailContext;
  /** Who sends: the office and its authority (for staff e-mails, the service and the city). */
  office: Pick<BookingMailPayload["office"], "name" | "authority" | "textLocale">;
  preview: string;
  heading: string;
  children: ReactNode;
}) {
  const own = (text: string) => (
    <MailText ctx={ctx} locale={office.textLocale}>
      {text}
    </MailText>
  );
  return (
    <Html lang={ctx.locale} dir={ctx.dir}>
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      {/* Some clients drop the html element's attributes: the direction is repeated where the content starts. */}
      <Body style={{ ...styles.body, direction: ctx.dir }} dir={ctx.dir}>
        <Container style={{ ...styles.container, textAlign: ctx.dir === "rtl" ? "right" : "left" }} dir={ctx.dir}>
          <BrandBand ctx={ctx} />
          <Text style={styles.sender}>{own(office.authority)}</Text>
          <Text style={styles.senderName}>{own(office.name)}</Text>
          <Heading as="h1" style={styles.h1}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{ctx.t("common.automatic")}</Text>
          <Text style={styles.footer}>
            {messageWithTexts((v) => ctx.t("common.sender", v), { office: own(office.name), authority: own(office.authority) })}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
