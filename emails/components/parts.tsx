import { Button } from "@react-email/button";
import { Heading } from "@react-email/heading";
import { Img } from "@react-email/img";
import { Link } from "@react-email/link";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { Fragment, type ReactNode } from "react";
import { messageWithTexts, TextInLanguage } from "@/components/ui/text-in-language";
import type { BookingMailPayload } from "../payloads";
import { documentsToBring, formatAppointment, fullName, servicesOf } from "./format";
import type { EmailContext } from "./i18n";
import { brandStyles, styles } from "./theme";

export function Greeting({ ctx, booking }: { ctx: EmailContext; booking: Pick<BookingMailPayload["booking"], "givenName" | "familyName"> }) {
  const name = fullName(booking);
  return (
    <Text style={styles.text}>
      {name ? ctx.t("common.greeting", { name }) : ctx.t("common.greetingNoName")}
    </Text>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.h2}>
      {children}
    </Heading>
  );
}

/** A label above its value: reads well on a narrow phone screen and in the plain-text version. */
export function Detail({ label, children, old }: { label: string; children: ReactNode; old?: boolean }) {
  return (
    <>
      <Text style={styles.label}>{label}</Text>
      <Text style={old ? styles.valueOld : styles.value}>{children}</Text>
    </>
  );
}

/**
 * A text in `locale` (an office's German data, or a service text the office has not translated), marked with its
 * language inside an e-mail in another one. Without `locale` (e-mails written by older versions) it is unmarked.
 */
export function MailText({ ctx, locale, children }: { ctx: EmailContext; locale: string | undefined; children: ReactNode }) {
  return (
    <TextInLanguage as="span" locale={locale ?? ctx.locale} pageLocale={ctx.locale}>
      {children}
    </TextInLanguage>
  );
}

/** Lines of address data, each in its own reading order ("12345 Musterstadt" also in an Arabic e-mail). */
function Lines({ lines }: { lines: ReactNode[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <span key={i} dir="auto">
          {i > 0 && <br />}
          {line}
        </span>
      ))}
    </>
  );
}

/** The office's name (after its authority, if asked), street, place and room: German, the room's label translated. */
function OfficeLines({ ctx, office, authority }: { ctx: EmailContext; office: BookingMailPayload["office"]; authority?: boolean }) {
  const own = (text: string) => (
    <MailText ctx={ctx} locale={office.textLocale}>
      {text}
    </MailText>
  );
  const lines = [...(authority ? [office.authority] : []), office.name, office.street, `${office.postalCode} ${office.locality}`].map(own);
  if (office.room) lines.push(<>{messageWithTexts((v) => ctx.t("common.room", v), { room: own(office.room) })}</>);
  return <Lines lines={lines} />;
}

/** Date and time of one interval in the office's time zone. */
export function When({
  ctx,
  timeZone,
  interval,
  old,
}: {
  ctx: EmailContext;
  timeZone: string;
  interval: { startsAt: string; endsAt: string };
  old?: boolean;
}) {
  const when = formatAppointment(ctx.locale, timeZone, interval);
  return (
    <>
      <Detail label={ctx.t("common.date")} old={old}>
        {when.date}
      </Detail>
      <Detail label={ctx.t("common.time")} old={old}>
        {ctx.t("common.timeRange", { start: when.time, end: when.endTime })}
      </Detail>
    </>
  );
}

/** Everything about the appointment in one panel; `children` replaces the date and time (e.g. old and new). */
export function AppointmentDetails({
  ctx,
  payload,
  children,
}: {
  ctx: EmailContext;
  payload: BookingMailPayload;
  children?: ReactNode;
}) {
  const { office, booking } = payload;
  const services = servicesOf(payload);
  return (
    <Section style={styles.panel}>
      <Detail label={ctx.t(services.length > 1 ? "common.services" : "common.service")}>
        {services.map((service, i) => (
          <Fragment key={i}>
            {i > 0 && <br />}
            <MailText ctx={ctx} locale={service.textLocales?.name}>
              {service.name}
            </MailText>
          </Fragment>
        ))}
      </Detail>
      {children ?? <When ctx={ctx} timeZone={office.timeZone} interval={booking} />}
      <Detail label={ctx.t("common.persons")}>{ctx.t("common.personsValue", { count: booking.persons })}</Detail>
      <Detail label={ctx.t("common.reference")}>
        <span dir="ltr">{booking.referenceCode}</span>
      </Detail>
      <AppointmentPlace ctx={ctx} payload={payload} />
    </Section>
  );
}

/**
 * Where the appointment takes place: the office's address, or for a phone appointment that the office calls, and for
 * a video appointment its meeting link (no address: nobody comes to the office).
 */
function AppointmentPlace({ ctx, payload }: { ctx: EmailContext; payload: BookingMailPayload }) {
  if (payload.kind === "PHONE") return <Detail label={ctx.t("common.kind")}>{ctx.t("common.phoneAppointment")}</Detail>;
  if (payload.kind === "VIDEO") {
    return (
      <Detail label={ctx.t("common.kind")}>
        {ctx.t("common.videoAppointment")}
        {payload.videoUrl && (
          <>
            <br />
            <Link href={payload.videoUrl} style={styles.link} dir="ltr" data-plain-text="label">
              {payload.videoUrl}
            </Link>
          </>
        )}
      </Detail>
    );
  }
  return (
    <Detail label={ctx.t("common.place")}>
      <OfficeLines ctx={ctx} office={payload.office} />
    </Detail>
  );
}

/** The main action: a large button, and the address as text for clients that hide buttons. */
export function ActionButton({ ctx, href, label, intro }: { ctx: EmailContext; href: string; label: string; intro: string }) {
  const brand = brandStyles(ctx.branding?.primaryColor);
  return (
    <Section>
      <Text style={styles.text}>{intro}</Text>
      <Button href={href} style={brand.button}>
        {label}
      </Button>
      {/* The plain-text version already shows the address next to the button text. */}
      <Text style={{ ...styles.footer, margin: "12px 0 16px" }} data-skip-in-text="true">
        <Link href={href} style={brand.link} dir="ltr">
          {href}
        </Link>
      </Text>
    </Section>
  );
}

/** The documents to bring for all of the appointment's services, each in the language it is in (the citizen's, or German). */
export function DocumentsList({ ctx, title, payload }: { ctx: EmailContext; title: string; payload: BookingMailPayload }) {
  const indent = ctx.dir === "rtl" ? { paddingRight: "24px", paddingLeft: 0 } : { paddingLeft: "24px" };
  return (
    <>
      <SectionHeading>{title}</SectionHeading>
      <ul style={{ ...styles.list, ...indent }}>
        {documentsToBring(payload).map((document, i) => (
          <li key={i}>
            <MailText ctx={ctx} locale={document.locale}>
              {document.text}
            </MailText>
          </li>
        ))}
      </ul>
    </>
  );
}

export function OfficeContact({ ctx, office }: { ctx: EmailContext; office: BookingMailPayload["office"] }) {
  const { link } = brandStyles(ctx.branding?.primaryColor);
  return (
    <>
      <SectionHeading>{ctx.t("common.contactTitle")}</SectionHeading>
      <Text style={styles.text}>
        <OfficeLines ctx={ctx} office={office} authority />
      </Text>
      {office.phone && (
        <Text style={styles.text}>
          {ctx.t("common.phone")}:{" "}
          <Link href={`tel:${office.phone.replace(/[^+\d]/g, "")}`} style={link} dir="ltr" data-plain-text="label">
            {office.phone}
          </Link>
        </Text>
      )}
      {office.email && (
        <Text style={styles.text}>
          {ctx.t("common.email")}:{" "}
          <Link href={`mailto:${office.email}`} style={link} dir="ltr" data-plain-text="label">
            {office.email}
          </Link>
        </Text>
      )}
      {office.website && (
        <Text style={styles.text}>
          {ctx.t("common.website")}:{" "}
          <Link href={webAddress(office.website)} style={link} dir="ltr" data-plain-text="label">
            {office.website}
          </Link>
        </Text>
      )}
    </>
  );
}

/** Offices enter their website by hand, often without a scheme; only http(s) links are made. */
function webAddress(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website.replace(/^[a-z][a-z0-9+.-]*:\/*/i, "")}`;
}

/** The content id of the check-in QR code's inline image, attached by the renderer when the payload names the booking. */
export const CHECK_IN_QR_CID = "checkin-qr";

/** Whether the citizen comes to the office (and so checks in there). */
export function comesToOffice(payload: Pick<BookingMailPayload, "kind">): boolean {
  return (payload.kind ?? "IN_PERSON") === "IN_PERSON";
}

/**
 * The check-in QR code for the kiosk at the office (an inline PNG attachment, so no image is fetched from anywhere),
 * with the reference code as the typed alternative. Shown when the payload names its booking (`booking.id`) and the
 * citizen comes to the office.
 */
export function CheckInCode({ ctx, payload }: { ctx: EmailContext; payload: BookingMailPayload }) {
  if (!payload.booking.id || !comesToOffice(payload)) return null;
  return (
    <Section>
      <SectionHeading>{ctx.t("checkIn.title")}</SectionHeading>
      <Text style={styles.text}>{ctx.t("checkIn.text")}</Text>
      <Img src={`cid:${CHECK_IN_QR_CID}`} width="200" height="200" alt={ctx.t("checkIn.alt")} />
      <Text style={styles.text}>{ctx.t("checkIn.code", { code: payload.booking.referenceCode })}</Text>
    </Section>
  );
}
