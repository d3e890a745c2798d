import type { BookingMailPayload } from "@/emails/payloads";
import { type AppointmentKind, videoMeetingUrl } from "@/lib/domain";
import { documentsOf, localizeService, OFFICE_TEXT_LOCALE, type TranslatableService } from "@/lib/domain/service-texts";

interface OfficeFields {
  name: string;
  authority: string;
  street: string;
  postalCode: string;
  locality: string;
  room: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  timeZone: string;
  /** Read for video appointments only. */
  videoMeetingUrlTemplate?: string | null;
}

interface BookingFields {
  id?: string;
  referenceCode: string;
  startsAt: Date;
  endsAt: Date;
  persons: number;
  givenName: string | null;
  familyName: string | null;
  locale: string;
  /** Absent: in person. */
  kind?: AppointmentKind;
  /** The further services, when the booking was read with them (`furtherServicesWithTranslations`). */
  extraServices?: ReadonlyArray<{ service: TranslatableService }>;
}

/** The office as every e-mail to a citizen names it (sender, address, contact), its texts marked as German. */
export function officeMailFields(office: OfficeFields): BookingMailPayload["office"] {
  return {
    name: office.name,
    authority: office.authority,
    street: office.street,
    postalCode: office.postalCode,
    locality: office.locality,
    room: office.room ?? undefined,
    phone: office.phone ?? undefined,
    email: office.email ?? undefined,
    website: office.website ?? undefined,
    timeZone: office.timeZone,
    textLocale: OFFICE_TEXT_LOCALE,
  };
}

/** Everything an e-mail about a booking shows, captured when the e-mail is written. */
export function bookingMailPayload(args: {
  office: OfficeFields;
  /** With its translations: the e-mail shows the service in the booking's language, German where untranslated. */
  service: TranslatableService;
  /** Further services of the same appointment, in order; absent: the booking's own `extraServices`. */
  furtherServices?: readonly TranslatableService[];
  booking: BookingFields;
  manageUrl: string;
  bookAgainUrl?: string;
  newTimeUrl?: string;
  reason?: string;
  previous?: { startsAt: Date; endsAt: Date };
  /** The services of an appointment before the office changed them. */
  previousServices?: readonly TranslatableService[];
  holdExpiresAt?: Date;
}): BookingMailPayload {
  const { office, booking } = args;
  const mailService = (s: TranslatableService) => {
    const localized = localizeService(s, booking.locale);
    return {
      name: localized.name,
      documents: documentsOf(localized),
      textLocales: { name: localized.textLocales.name, documents: localized.textLocales.documents },
    };
  };
  const further = args.furtherServices ?? booking.extraServices?.map((e) => e.service) ?? [];
  const kind = booking.kind ?? "IN_PERSON";
  const template = office.videoMeetingUrlTemplate;
  return {
    locale: booking.locale,
    office: officeMailFields(office),
    service: mailService(args.service),
    ...(further.length > 0 ? { furtherServices: further.map(mailService) } : {}),
    ...(kind !== "IN_PERSON" ? { kind } : {}),
    ...(kind === "VIDEO" && template ? { videoUrl: videoMeetingUrl(template, booking.referenceCode) } : {}),
    booking: {
      id: booking.id,
      referenceCode: booking.referenceCode,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
      persons: booking.persons,
      givenName: booking.givenName ?? "",
      familyName: booking.familyName ?? "",
    },
    manageUrl: args.manageUrl,
    bookAgainUrl: args.bookAgainUrl,
    newTimeUrl: args.newTimeUrl,
    reason: args.reason,
    previous: args.previous
      ? { startsAt: args.previous.startsAt.toISOString(), endsAt: args.previous.endsAt.toISOString() }
      : undefined,
    previousServices: args.previousServices?.map((s) => localizeService(s, booking.locale).name),
    holdExpiresAt: args.holdExpiresAt?.toISOString(),
  };
}
