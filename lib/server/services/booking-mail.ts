import type { BookingMailPayload } from "@/emails/payloads";
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
  booking: BookingFields;
  manageUrl: string;
  bookAgainUrl?: string;
  newTimeUrl?: string;
  reason?: string;
  previous?: { startsAt: Date; endsAt: Date };
  holdExpiresAt?: Date;
}): BookingMailPayload {
  const { office, booking } = args;
  const service = localizeService(args.service, booking.locale);
  return {
    locale: booking.locale,
    office: officeMailFields(office),
    service: {
      name: service.name,
      documents: documentsOf(service),
      textLocales: { name: service.textLocales.name, documents: service.textLocales.documents },
    },
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
    holdExpiresAt: args.holdExpiresAt?.toISOString(),
  };
}
