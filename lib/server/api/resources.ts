import "server-only";
import type { Slot } from "@/lib/domain";
import { env } from "@/lib/server/env";
import { manageUrl, officeUrl, serviceUrl } from "@/lib/server/services/booking-urls";
import type { ManagedBooking } from "@/lib/server/services/manage-booking";
import type { Locale } from "@/lib/i18n/routing";
import { documentsOf, localizeService } from "@/lib/domain/service-texts";
import type { OfficeWithServices, ServiceRow } from "@/lib/server/services/office-catalog";

// The JSON representations of the API, in one place so that the routes and the OpenAPI document agree.

type OfficeRow = Omit<OfficeWithServices, "services">;

function apiUrl(path: string): string {
  return `${env().APP_URL}${path}`;
}

/** Links to the booking page and its printable QR codes. */
function deepLinks(bookingPage: string, qrPath: string) {
  return {
    booking: bookingPage,
    qrPng: apiUrl(`${qrPath}?format=png`),
    qrSvg: apiUrl(`${qrPath}?format=svg`),
  };
}

function officeDetails(office: OfficeRow) {
  return {
    slug: office.slug,
    name: office.name,
    department: office.department,
    authority: office.authority,
    address: {
      street: office.street,
      postalCode: office.postalCode,
      locality: office.locality,
      room: office.room,
    },
    contact: { phone: office.phone, email: office.email, website: office.website },
    directions: office.directions,
    timeZone: office.timeZone,
  };
}

/** A service with its texts in `locale` (German where not translated) and links to the booking page in it. */
export function serviceResource(officeSlug: string, row: ServiceRow, locale: Locale) {
  const service = localizeService(row, locale);
  return {
    slug: service.slug,
    name: service.name,
    description: service.description,
    durationMinutes: service.durationMinutes,
    extraPersonMinutes: service.extraPersonMinutes,
    maxPersons: service.maxPersons,
    documents: documentsOf(service),
    links: {
      ...deepLinks(serviceUrl(officeSlug, service.slug, locale), `/api/qr/${officeSlug}/${service.slug}`),
      slots: apiUrl(`/api/v1/offices/${officeSlug}/services/${service.slug}/slots`),
    },
  };
}

export function officeResource(office: OfficeWithServices, locale: Locale) {
  return {
    ...officeDetails(office),
    bookingHorizonDays: office.bookingHorizonDays,
    links: deepLinks(officeUrl(office.slug, locale), `/api/qr/${office.slug}`),
    services: office.services.map((s) => serviceResource(office.slug, s, locale)),
  };
}

export function slotResource(slot: Slot) {
  return { start: slot.start.toISOString(), end: slot.end.toISOString() };
}

export function bookingCalendarUrl(token: string): string {
  return apiUrl(`/api/v1/bookings/${token}/calendar.ics`);
}

/** What the holder of a manage link may see: the appointment, never the personal data behind it. */
export function bookingResource(booking: ManagedBooking, token: string, cancellable: boolean, locale: Locale) {
  const service = localizeService(booking.service, locale);
  return {
    referenceCode: booking.referenceCode,
    status: booking.status,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    persons: booking.persons,
    cancellable,
    office: officeDetails(booking.office),
    service: {
      slug: service.slug,
      name: service.name,
      documents: documentsOf(service),
    },
    links: { manage: manageUrl(token, booking.locale), calendar: bookingCalendarUrl(token) },
  };
}
