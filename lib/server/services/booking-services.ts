// The services of one appointment in their order: the booking's own service first, then the further services of a
// combined appointment (BookingService, by position). For reads that report a booking's services (webhooks, feeds).

/** Prisma `select` of what an appointment is, without the person: when, what state, what kind, for how many. */
export const appointmentColumns = {
  referenceCode: true,
  startsAt: true,
  endsAt: true,
  status: true,
  kind: true,
  persons: true,
} as const;

/** Prisma `select` of a booking's services, each with `select`. */
export function bookingServicesSelect<S extends object>(select: S) {
  return {
    service: { select },
    extraServices: { orderBy: { position: "asc" as const }, select: { service: { select } } },
  };
}

/** The services read with `bookingServicesSelect`, in the appointment's order. */
export function servicesOf<T>(booking: { service: T; extraServices: ReadonlyArray<{ service: T }> }): T[] {
  return [booking.service, ...booking.extraServices.map((x) => x.service)];
}
