import "server-only";
import { type AppointmentKind, type Slot, videoMeetingUrl } from "@/lib/domain";
import type { LocatedSlot } from "@/lib/domain/any-location";
import { kindsOffered } from "@/lib/server/services/appointment-choice";
import type { SlotTarget } from "@/lib/server/services/list-slots";
import type { ShapedOffer } from "@/lib/server/services/any-location";
import type { ReleaseMode } from "@/lib/server/db/enums";
import { env } from "@/lib/server/env";
import type { CreatedBooking } from "@/lib/server/services/create-booking";
import { manageUrl, officeUrl, receiptPageUrl, serviceUrl, wishManageUrl } from "@/lib/server/services/booking-urls";
import type { ManagedBooking } from "@/lib/server/services/get-booking-by-token";
import type { ServiceRoundInfo } from "@/lib/schemas/release-round";
import type { getPublicRound } from "@/lib/server/services/rounds/round-info";
import type { AcceptedOffer } from "@/lib/server/services/waitlist/accept-offer";
import type { ManagedWish } from "@/lib/server/services/waitlist/get-wish-by-token";
import { parseDayParts, parseWeekdays } from "@/lib/domain/waitlist";
import type { Locale } from "@/lib/i18n/routing";
import { documentsOf, localizeService } from "@/lib/domain/service-texts";
import type { OfficeWithServices, ServiceRow } from "@/lib/server/services/office-catalog";
import type {
  AnyLocationSlotList,
  BookingCreated,
  OfferAccepted,
  RoundResource,
  ServiceRounds,
  BookingResource,
  OfficeList,
  OfficeResource,
  ServiceList,
  ServiceResource,
  SlotList,
  SlotResource,
  WishResource,
} from "./schemas";

// The JSON representations of the API, typed by the response schemas that the OpenAPI document is generated from.

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
function serviceResource(office: ServiceOffice, row: ServiceRow, locale: Locale): ServiceResource {
  const officeSlug = office.slug;
  const service = localizeService(row, locale);
  return {
    slug: service.slug,
    catalogueSlug: service.catalogueSlug,
    leikaKey: service.leikaKey,
    name: service.name,
    description: service.description,
    durationMinutes: service.durationMinutes,
    extraPersonMinutes: service.extraPersonMinutes,
    maxPersons: service.maxPersons,
    documents: documentsOf(service),
    appointmentKinds: kindsOffered(office, [service]),
    walkInDayParts: parseDayParts(service.walkInDayParts),
    links: {
      ...deepLinks(serviceUrl(officeSlug, service.slug, locale), `/api/qr/${officeSlug}/${service.slug}`),
      slots: apiUrl(`/api/v1/offices/${officeSlug}/services/${service.slug}/slots`),
    },
  };
}

/** What a service's resource reads of its office: where it links to and which kinds it can offer. */
type ServiceOffice = { slug: string; videoMeetingUrlTemplate: string | null };

function officeResource(office: OfficeWithServices, locale: Locale): OfficeResource {
  return {
    ...officeDetails(office),
    bookingHorizonDays: office.bookingHorizonDays,
    maxServicesPerBooking: office.maxServicesPerBooking,
    links: deepLinks(officeUrl(office.slug, locale), `/api/qr/${office.slug}`),
    services: office.services.map((s) => serviceResource(office, s, locale)),
  };
}

export function officeList(offices: OfficeWithServices[], locale: Locale): OfficeList {
  return { offices: offices.map((o) => officeResource(o, locale)) };
}

export function serviceList(office: ServiceOffice & { services: ServiceRow[] }, locale: Locale): ServiceList {
  return { office: office.slug, services: office.services.map((s) => serviceResource(office, s, locale)) };
}

function slotResource(slot: Slot): SlotResource {
  return { start: slot.start.toISOString(), end: slot.end.toISOString() };
}

/** Free slots of a service over the listed range; `nextFree` is left out unless it was asked for (undefined). */
export function slotList(
  target: { office: { slug: string; timeZone: string }; service: { slug: string } },
  listing: {
    persons: number;
    shape: { furtherServices: ReadonlyArray<{ slug: string }>; kind: AppointmentKind };
    from: string;
    to: string;
    slots: Slot[];
    nextFree?: Slot | null;
  },
): SlotList {
  const { persons, shape, from, to, slots, nextFree } = listing;
  return {
    office: target.office.slug,
    service: target.service.slug,
    timeZone: target.office.timeZone,
    persons,
    furtherServices: shape.furtherServices.map((s) => s.slug),
    kind: shape.kind,
    from,
    // A range wholly beyond the horizon is empty; it is answered as starting and ending on `from`.
    to: to < from ? from : to,
    slots: slots.map(slotResource),
    ...(nextFree === undefined ? {} : { nextFree: nextFree && slotResource(nextFree) }),
  };
}

function locatedSlotResource(slot: LocatedSlot) {
  return { ...slotResource(slot), office: slot.office };
}

/** Free slots of a catalogue service at every office offering it; `nextFree` is left out unless asked for. */
export function anyLocationSlotList(
  catalogueSlug: string,
  offers: readonly ShapedOffer[],
  listing: {
    persons: number;
    furtherServices: readonly string[];
    kind: AppointmentKind;
    from: string;
    to: string;
    slots: LocatedSlot[];
    nextFree?: LocatedSlot | null;
  },
): AnyLocationSlotList {
  const { persons, furtherServices, kind, from, to, slots, nextFree } = listing;
  return {
    service: catalogueSlug,
    persons,
    furtherServices: [...furtherServices],
    kind,
    from,
    to: to < from ? from : to,
    offices: offers.map(({ office, service, shape }) => ({
      slug: office.slug,
      name: office.name,
      timeZone: office.timeZone,
      service: service.slug,
      furtherServices: shape?.furtherServices.map((s) => s.slug) ?? [],
    })),
    slots: slots.map(locatedSlotResource),
    ...(nextFree === undefined ? {} : { nextFree: nextFree && locatedSlotResource(nextFree) }),
  };
}

function bookingCalendarUrl(token: string): string {
  return apiUrl(`/api/v1/bookings/${token}/calendar.ics`);
}

/** The path of a confirmed booking's resource, for the Location header. */
export function bookingPath(token: string): string {
  return `/api/v1/bookings/${token}`;
}

/**
 * The answer to a new booking. A held booking's manage link goes only to the e-mail address, where the citizen
 * confirms; answering it here would let a client confirm for an address it does not own.
 */
export function bookingCreated(booking: CreatedBooking, locale: string): BookingCreated {
  const common = {
    referenceCode: booking.referenceCode,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
  };
  if (booking.status === "HELD") {
    if (!booking.holdExpiresAt) throw new Error("a held booking has no hold deadline");
    return { ...common, status: "HELD", holdExpiresAt: booking.holdExpiresAt.toISOString() };
  }
  return {
    ...common,
    status: "CONFIRMED",
    manageToken: booking.manageToken,
    manageUrl: manageUrl(booking.manageToken, locale),
    calendarUrl: bookingCalendarUrl(booking.manageToken),
  };
}

function serviceSummary(service: { slug: string; name: string; documents: string }) {
  return { slug: service.slug, name: service.name, documents: documentsOf(service) };
}

/** What the holder of a manage link may see: the appointment, never the personal data behind it. */
export function bookingResource(booking: ManagedBooking, token: string, cancellable: boolean, locale: Locale): BookingResource {
  const service = localizeService(booking.service, locale);
  return {
    referenceCode: booking.referenceCode,
    status: booking.status,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    persons: booking.persons,
    cancellable,
    office: officeDetails(booking.office),
    service: serviceSummary(service),
    furtherServices: booking.extraServices.map((e) => serviceSummary(localizeService(e.service, locale))),
    kind: booking.kind,
    videoUrl:
      booking.kind === "VIDEO" && booking.office.videoMeetingUrlTemplate
        ? videoMeetingUrl(booking.office.videoMeetingUrlTemplate, booking.referenceCode)
        : null,
    links: { manage: manageUrl(token, booking.locale), calendar: bookingCalendarUrl(token) },
  };
}

/** A wish as its manage link shows it: what it waits for and what it got, never the personal data behind it. */
export function wishResource(wish: ManagedWish, token: string, locale: Locale): WishResource {
  const offer = wish.openOffer;
  return {
    referenceCode: wish.referenceCode,
    status: wish.status,
    source: wish.source,
    persons: wish.persons,
    confirmedAt: wish.confirmedAt?.toISOString() ?? null,
    preferences: {
      earliestDate: wish.earliestDate,
      latestDate: wish.latestDate,
      weekdays: parseWeekdays(wish.weekdays),
      dayParts: parseDayParts(wish.dayParts),
    },
    office: officeDetails(wish.office),
    service: { slug: wish.service.slug, name: localizeService(wish.service, locale).name },
    offer: offer
      ? { startsAt: offer.booking.startsAt.toISOString(), endsAt: offer.booking.endsAt.toISOString(), deadline: offer.deadline.toISOString() }
      : null,
    booking: wish.booking
      ? {
          referenceCode: wish.booking.referenceCode,
          status: wish.booking.status,
          startsAt: wish.booking.startsAt.toISOString(),
          endsAt: wish.booking.endsAt.toISOString(),
        }
      : null,
    links: {
      manage: wishManageUrl(token, wish.locale),
      ...(wish.source === "ROUND" && wish.roundId ? { round: roundApiUrl(wish.roundId) } : {}),
      // The receipt is behind the wish's own token.
      ...(wish.source === "EXTENSION" ? { receipt: receiptPageUrl(token, wish.locale) } : {}),
    },
  };
}

/** An accepted offer: the appointment, with its own manage link when this acceptance made its token. */
export function offerAccepted(accepted: AcceptedOffer, locale: string): OfferAccepted {
  const token = accepted.manageToken;
  return {
    referenceCode: accepted.referenceCode,
    status: "CONFIRMED",
    startsAt: accepted.startsAt.toISOString(),
    endsAt: accepted.endsAt.toISOString(),
    manageToken: token,
    manageUrl: token ? manageUrl(token, locale) : null,
    calendarUrl: token ? bookingCalendarUrl(token) : null,
  };
}

/** The public record of a round in this API (its page is booking-urls' roundUrl). */
function roundApiUrl(id: string): string {
  return apiUrl(`/api/v1/rounds/${id}`);
}

/** Whether a service's appointments are drawn in rounds, and the next round's window and places. */
export function serviceRounds(
  office: { slug: string },
  service: { slug: string; releaseMode: ReleaseMode },
  info: ServiceRoundInfo | null,
): ServiceRounds {
  const next = info?.next;
  return {
    office: office.slug,
    service: service.slug,
    releaseMode: service.releaseMode,
    next: next
      ? {
          id: next.id,
          opensAt: next.opensAt.toISOString(),
          closesAt: next.closesAt.toISOString(),
          periodFrom: next.periodFrom,
          periodTo: next.periodTo,
          open: next.open,
          places: next.places,
          links: { round: roundApiUrl(next.id) },
        }
      : null,
    lastRequestCount: info?.lastRequestCount ?? null,
  };
}

/** A round as published; the record is stored as the JSON text that was published, and answered as that object. */
export function roundResource(round: NonNullable<Awaited<ReturnType<typeof getPublicRound>>>): RoundResource {
  return {
    id: round.id,
    office: round.office,
    service: round.serviceSlug && round.serviceName ? { slug: round.serviceSlug, name: round.serviceName } : null,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    periodFrom: round.periodFrom,
    periodTo: round.periodTo,
    phase: round.phase,
    seedHash: round.seedHash,
    seed: round.seed,
    drawnAt: round.drawnAt?.toISOString() ?? null,
    requestCount: round.requestCount,
    placeCount: round.placeCount,
    assignedCount: round.assignedCount,
    drawRecord: round.drawRecord ? (JSON.parse(round.drawRecord) as RoundResource["drawRecord"]) : null,
  };
}
