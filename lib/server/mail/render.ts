import "server-only";
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { BookingCancelledEmail } from "@/emails/booking-cancelled";
import { BookingConfirmationEmail } from "@/emails/booking-confirmation";
import { BookingReminderEmail } from "@/emails/booking-reminder";
import { BookingRescheduledEmail } from "@/emails/booking-rescheduled";
import { BookingChangedEmail } from "@/emails/booking-changed";
import { StaffInviteEmail, staffInviteSubject } from "@/emails/staff-invite";
import { BookingVerificationEmail } from "@/emails/booking-verification";
import { WishConfirmationEmail, wishConfirmationSubject } from "@/emails/wish-confirmation";
import { RoundNotDrawnEmail, roundNotDrawnSubject } from "@/emails/round-not-drawn";
import { WishOfferEmail } from "@/emails/wish-offer";
import { documentsToBring, formatAppointment, serviceTitle } from "@/emails/components/format";
import { createEmailContext, type EmailContext } from "@/emails/components/i18n";
import { CHECK_IN_QR_CID, comesToOffice } from "@/emails/components/parts";
import { localDateOf } from "@/lib/domain";
import { buildIcs } from "@/lib/ics";
import { checkInQrPng, checkInToken } from "@/lib/server/security/check-in-tokens";
import { loadEmailMessages } from "./messages";
import {
  parseMailPayload,
  type BookingMailPayload,
  type MailPayloads,
  type MailTemplate,
  type RoundNotDrawnMailPayload,
  type StaffInviteMailPayload,
} from "@/emails/payloads";

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

/** An image the HTML shows by its content id (`cid:`), sent as a related part rather than as a download. */
export interface InlineImage {
  cid: string;
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
  /** Images inside the HTML: the check-in QR code of appointment e-mails. */
  inlineImages?: InlineImage[];
}

export interface RenderMailOptions {
  /** The clock for the calendar entry's DTSTAMP (default: now). */
  now?: Date;
  /** When the e-mail was written (the outbox row's createdAt): orders updates of the same calendar entry. */
  issuedAt?: Date;
}

const ICS_FILENAME = "termin.ics";
// Calendar apps apply an update only if its SEQUENCE is higher than the last one they saw. Seconds since this
// epoch grow with every change of a booking without a stored counter (and fit a 32-bit integer until 2088).
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

// Plain text: contact links (tel:, mailto:) show only their label, which is the address; headings keep their case
// (upper-cased German is harder to read, and turns ß into SS).
const PLAIN_TEXT = {
  plainText: true,
  htmlToTextOptions: {
    selectors: [
      { selector: "a[data-plain-text=label]", format: "anchor", options: { ignoreHref: true } },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
    ],
  },
} as const;

/** The texts of the payload's language, and the city's look the payload carries. */
async function contextFor(payload: { locale: string; branding?: EmailContext["branding"] }): Promise<EmailContext> {
  const loaded = await loadEmailMessages(payload.locale);
  return { ...createEmailContext(loaded.locale, loaded.messages), branding: payload.branding };
}

type BookingTemplate = Exclude<MailTemplate, "staff-invite" | "wish-confirmation" | "round-not-drawn">;

function subjectOf(template: BookingTemplate, ctx: EmailContext, payload: BookingMailPayload): string {
  const when = formatAppointment(ctx.locale, payload.office.timeZone, payload.booking);
  const values = {
    service: serviceTitle(payload),
    date: when.dateShort,
    time: when.time,
    reference: payload.booking.referenceCode,
  };
  switch (template) {
    case "booking-confirmation":
      return ctx.t("confirmation.subject", values);
    case "booking-cancelled":
      return ctx.t("cancelled.subject", values);
    case "booking-rescheduled":
      return ctx.t("rescheduled.subject", values);
    case "booking-changed":
      return ctx.t("changed.subject", values);
    case "booking-reminder":
      return ctx.t("reminder.subject", values);
    case "booking-verification":
      return ctx.t("verification.subject", values);
    case "wish-offer":
      return ctx.t("wishOffer.subject", values);
  }
}

function elementOf(template: BookingTemplate, ctx: EmailContext, payload: BookingMailPayload): ReactElement {
  const component = {
    "booking-confirmation": BookingConfirmationEmail,
    "booking-cancelled": BookingCancelledEmail,
    "booking-rescheduled": BookingRescheduledEmail,
    "booking-changed": BookingChangedEmail,
    "booking-reminder": BookingReminderEmail,
    "booking-verification": BookingVerificationEmail,
    "wish-offer": WishOfferEmail,
  }[template];
  return createElement(component, { ctx, payload });
}

function calendarEntry(
  template: BookingTemplate,
  ctx: EmailContext,
  payload: BookingMailPayload,
  options: RenderMailOptions,
): MailAttachment {
  const { t } = ctx;
  const { office, booking } = payload;
  const now = options.now ?? new Date();
  const cancel = template === "booking-cancelled";
  const names = { service: serviceTitle(payload), office: office.name };
  const documents = documentsToBring(payload).map((d) => d.text);
  // A video appointment takes place at its meeting link, a phone appointment on the phone: no address for either.
  const video = payload.kind === "VIDEO" ? payload.videoUrl : undefined;
  const description = [
    t("ics.reference", { reference: booking.referenceCode }),
    t("ics.persons", { count: booking.persons }),
    ...(video ? ["", t("ics.video", { url: video })] : []),
    ...(payload.kind === "PHONE" ? ["", t("ics.phone")] : []),
    ...(documents.length > 0 ? ["", t("ics.documents"), ...documents.map((d) => `- ${d}`)] : []),
    "",
    t("ics.manage", { url: payload.manageUrl }),
  ].join("\n");
  const location =
    payload.kind === "VIDEO"
      ? (video ?? t("ics.videoLocation"))
      : payload.kind === "PHONE"
        ? t("ics.phoneLocation")
        : [office.name, office.street, `${office.postalCode} ${office.locality}`, ...(office.room ? [t("common.room", { room: office.room })] : [])].join(", ");
  const issuedAt = options.issuedAt ?? now;
  const method = cancel ? "CANCEL" : "PUBLISH";
  const content = buildIcs({
    // Stable per booking, so that moving or cancelling replaces the entry the citizen imported.
    uid: `${booking.referenceCode}@${new URL(payload.manageUrl).hostname}`,
    start: new Date(booking.startsAt),
    end: new Date(booking.endsAt),
    summary: cancel ? t("ics.cancelledSummary", names) : t("ics.summary", names),
    description,
    location,
    url: video ?? payload.manageUrl,
    organizerName: office.name,
    organizerEmail: office.email,
    method,
    sequence:
      template === "booking-confirmation" ? 0 : Math.max(1, Math.floor((issuedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000)),
    alarm: t("ics.alarm", names),
    now,
  });
  return { filename: ICS_FILENAME, content, contentType: `text/calendar; charset=utf-8; method=${method}` };
}

// The e-mails whose template shows the check-in QR code (CheckInCode): those that confirm a date.
const CHECK_IN_TEMPLATES: ReadonlySet<BookingTemplate> = new Set([
  "booking-confirmation",
  "booking-rescheduled",
  "booking-changed",
  "booking-reminder",
]);

/**
 * The check-in QR code as an inline image, signed now for the appointment's local date (so a moved appointment's
 * new e-mail carries a new code and the outbox never stores one); none for e-mails without the booking's id.
 */
async function checkInImages(template: BookingTemplate, payload: BookingMailPayload): Promise<InlineImage[]> {
  const id = payload.booking.id;
  if (!id || !CHECK_IN_TEMPLATES.has(template) || !comesToOffice(payload)) return [];
  const date = localDateOf(new Date(payload.booking.startsAt), payload.office.timeZone);
  const content = checkInQrPng(checkInToken(id, date));
  return [{ cid: CHECK_IN_QR_CID, filename: "einchecken.png", content, contentType: "image/png" }];
}

/** The subject alone (stored with the outbox row when the e-mail is written). Validates the payload. */
export async function mailSubject(template: MailTemplate, payload: unknown): Promise<string> {
  if (template === "wish-confirmation") {
    const wish = parseMailPayload(template, payload);
    return wishConfirmationSubject(await contextFor(wish), wish);
  }
  const mail = await parsed(template, payload);
  if (mail.roundNotDrawn) return roundNotDrawnSubject(mail.ctx, mail.roundNotDrawn);
  return mail.staffInvite ? staffInviteSubject(mail.ctx, mail.staffInvite) : subjectOf(mail.template, mail.ctx, mail.booking);
}

/** The validated payload with the texts of its language; invitations and booking e-mails take different data. */
async function parsed(template: Exclude<MailTemplate, "wish-confirmation">, payload: unknown) {
  const data: MailPayloads[MailTemplate] = parseMailPayload(template, payload);
  const ctx = await contextFor(data);
  if (template === "staff-invite") return { ctx, staffInvite: data as StaffInviteMailPayload } as const;
  if (template === "round-not-drawn") return { ctx, roundNotDrawn: data as RoundNotDrawnMailPayload } as const;
  return { ctx, template, booking: data as BookingMailPayload, staffInvite: undefined, roundNotDrawn: undefined } as const;
}

/**
 * Renders an e-mail to subject, HTML, plain text and (for appointments) its calendar attachment, in the payload's
 * language (German when the app has no e-mail texts for it). The payload (`MailPayloads[template]`, or its stored JSON text) is
 * validated first: it may come from the database.
 */
export async function renderMail(
  template: MailTemplate,
  payload: unknown,
  options: RenderMailOptions = {},
): Promise<RenderedMail> {
  // A wish is no appointment: no calendar file.
  if (template === "wish-confirmation") {
    const wish = parseMailPayload(template, payload);
    const ctx = await contextFor(wish);
    const element = createElement(WishConfirmationEmail, { ctx, payload: wish });
    const [html, text] = await Promise.all([render(element), render(element, PLAIN_TEXT)]);
    return { subject: wishConfirmationSubject(ctx, wish), html, text, attachments: [] };
  }
  const mail = await parsed(template, payload);
  const { ctx } = mail;
  if (mail.roundNotDrawn) {
    const element = createElement(RoundNotDrawnEmail, { ctx, payload: mail.roundNotDrawn });
    const [html, text] = await Promise.all([render(element), render(element, PLAIN_TEXT)]);
    return { subject: roundNotDrawnSubject(ctx, mail.roundNotDrawn), html, text, attachments: [] };
  }
  const element = mail.staffInvite
    ? createElement(StaffInviteEmail, { ctx, payload: mail.staffInvite })
    : elementOf(mail.template, ctx, mail.booking);
  const [html, text] = await Promise.all([render(element), render(element, PLAIN_TEXT)]);
  if (mail.staffInvite) return { subject: staffInviteSubject(ctx, mail.staffInvite), html, text, attachments: [] };
  return {
    subject: subjectOf(mail.template, ctx, mail.booking),
    html,
    text,
    // A held booking (or offer) is not an appointment yet: its calendar file comes with the confirmation.
    attachments: mail.template === "booking-verification" || mail.template === "wish-offer" ? [] : [calendarEntry(mail.template, ctx, mail.booking, options)],
    inlineImages: await checkInImages(mail.template, mail.booking),
  };
}
