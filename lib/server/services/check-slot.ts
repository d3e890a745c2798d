import { type AccessKind, appointmentInterval, checkSlot } from "@/lib/domain";
import { citizenAccess } from "@/lib/domain/access";
import type { Db } from "@/lib/server/db/client";
import { type AppErrorCode, isAppError } from "@/lib/server/errors";
import { appointmentSpec, loadAvailability, startOutOfRange } from "./availability";
import { appointmentShapeOf, type SlotAppointment } from "./list-slots";
import { slotError } from "./insert-booking";
import { getActiveOfficeAndService } from "./office-catalog";

/** Whether a start time can be booked right now; null if it can, else the error code to show. */
export async function findSlotProblem(
  db: Db,
  input: {
    officeSlug: string;
    serviceSlug: string;
    persons: number;
    start: Date;
    now: Date;
    /** Absent: a citizen's, from the permit expiry they stated (see `SlotQuery`). */
    access?: AccessKind;
    permitExpiresOn?: string | null;
    /** A booking being moved does not compete with itself. */
    excludeBookingId?: string;
    appointment?: SlotAppointment;
  },
): Promise<AppErrorCode | null> {
  try {
    const { office, service } = await getActiveOfficeAndService(db, input.officeSlug, input.serviceSlug);
    const shape = appointmentShapeOf({ office, service }, input.appointment);
    const spec = appointmentSpec(service, shape);
    if (input.persons < 1 || input.persons > spec.maxPersons) return "INVALID_INPUT";
    const outOfRange = startOutOfRange(office, input.start, input.now);
    if (outOfRange) return slotError(outOfRange).code;
    const [from, to] = appointmentInterval(input.start, spec, input.persons, office.timeZone).dates;
    const availability = await loadAvailability(db, {
      office,
      service,
      shape,
      persons: input.persons,
      now: input.now,
      from,
      to,
      access: input.access ?? citizenAccess(office, service, input.permitExpiresOn, input.now),
      excludeBookingId: input.excludeBookingId,
    });
    const check = checkSlot(availability, input.start);
    return check.ok ? null : slotError(check.reason).code;
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}
