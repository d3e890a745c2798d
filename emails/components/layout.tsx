import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { BookingMailPayload } from "@/lib/server/mail/payloads";
import type { EmailContext } from "./i18n";
import { styles } from "./theme";

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
  office: Pick<BookingMailPayload["office"], "name" | "authority">;
  preview: string;
  heading: string;
  children: ReactNode;
}) {
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
          <Text style={styles.sender}>{office.authority}</Text>
          <Text style={styles.senderName}>{office.name}</Text>
          <Heading as="h1" style={styles.h1}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{ctx.t("common.automatic")}</Text>
          <Text style={styles.footer}>{ctx.t("common.sender", { office: office.name, authority: office.authority })}</Text>
        </Container>
      </Body>
    </Html>
  );
}
