import { type AppointmentKind, offeredKinds, parseAppointmentKinds } from "@/lib/domain";
import { fieldError } from "@/lib/server/errors";
import type { AppointmentShape } from "./availability";

// Which services one appointment combines and how it takes place, as a citizen (wizard, API) or a clerk asks for
// it: checked against the office's own active services and settings, refused field by field ("furtherServices",
// "kind", "phone") with keys of the validation messages.

interface OfficeSettings {
  maxServicesPerBooking: number;
  /** Unset: the office has no video meetings of its own, so it offers none. */
  videoMeetingUrlTemplate: string | null;
}

interface OfferedService {
  id: string;
  slug: string;
  active: boolean;
  appointmentKinds: string;
  durationMinutes: number;
  extraPersonMinutes: number;
  maxPersons: number;
}

/** The kinds an appointment for all these services can take at the office (see the domain's `offeredKinds`). */
export function kindsOffered(office: Pick<OfficeSettings, "videoMeetingUrlTemplate">, services: ReadonlyArray<{ appointmentKinds: string }>) {
  return offeredKinds(
    services.map((s) => parseAppointmentKinds(s.appointmentKinds)),
    Boolean(office.videoMeetingUrlTemplate),
  );
}

export interface AppointmentRequest {
  /** Further services by slug (wizard, API) or id (staff forms); the first service is chosen separately. */
  further?: readonly string[];
  by: "slug" | "id";
  /** Absent: the only kind offered, else in person where offered. */
  kind?: AppointmentKind | null;
}

/**
 * The further services and kind of an appointment whose first service is `first`: each further one an active service
 * of the same office, none twice nor the first again, at most `maxServicesPerBooking` services in all, and a kind that
 * every one of them offers.
 */
export function chooseAppointment<S extends OfferedService>(
  office: OfficeSettings & { services: readonly S[] },
  first: S,
  request: AppointmentRequest,
): AppointmentShape<S> {
  const further = chooseFurtherServices(office, first, request);
  const offered = kindsOffered(office, [first, ...further]);
  if (offered.length === 0) throw fieldError("kind", "kindNotOffered");
  const kind = request.kind ?? (offered.length === 1 ? offered[0] : offered.includes("IN_PERSON") ? "IN_PERSON" : null);
  if (!kind) throw fieldError("kind", "kindRequired");
  if (!offered.includes(kind)) throw fieldError("kind", "kindNotOffered");
  return { furtherServices: further, kind };
}

/**
 * The further services of an appointment whose first service is `first`: each an active service of the same office,
 * none twice nor the first again, at most `maxServicesPerBooking` services in all, and together bookable in some kind.
 */
export function chooseFurtherServices<S extends OfferedService>(
  office: OfficeSettings & { services: readonly S[] },
  first: S,
  request: Pick<AppointmentRequest, "further" | "by">,
): S[] {
  const refs = request.further ?? [];
  if (new Set(refs).size !== refs.length || refs.includes(first[request.by])) throw fieldError("furtherServices", "serviceTwice");
  const further = refs.map((ref) => {
    const service = office.services.find((s) => s[request.by] === ref && s.active);
    if (!service) throw fieldError("furtherServices", "serviceNotOffered");
    return service;
  });
  if (further.length + 1 > Math.max(office.maxServicesPerBooking, 1)) throw fieldError("furtherServices", "tooManyServices");
  if (further.length > 0 && kindsOffered(office, [first, ...further]).length === 0) throw fieldError("furtherServices", "noCommonKind");
  return further;
}

/** The office calls at a phone appointment: it needs the number. */
export function assertReachable(kind: AppointmentKind, phone: string | null | undefined): void {
  if (kind === "PHONE" && !phone?.trim()) throw fieldError("phone", "phoneRequiredForCall");
}
