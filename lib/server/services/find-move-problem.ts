import { bookingAccess } from "@/lib/domain/access";
import type { Db } from "@/lib/server/db/client";
import { type AppErrorCode, isAppError } from "@/lib/server/errors";
import { findSlotProblem } from "./check-slot";
import { appointmentOfBooking } from "./list-slots";
import type { ManagedBooking } from "./get-booking-by-token";
import { assertMovable } from "./manage-rules";

/**
 * Whether the booking (as its page loaded it) could move to `start` now: null if it could, else the error code to
 * show. The manage link asks before it moves; the move itself checks again under the day lock.
 */
export async function findMoveProblem(
  db: Db,
  input: { booking: ManagedBooking; start: Date; now: Date },
): Promise<AppErrorCode | null> {
  const { booking } = input;
  try {
    assertMovable(booking, input.start, input.now);
    return await findSlotProblem(db, {
      officeSlug: booking.office.slug,
      serviceSlug: booking.service.slug,
      persons: booking.persons,
      start: input.start,
      now: input.now,
      access: bookingAccess(booking),
      excludeBookingId: booking.id,
      appointment: appointmentOfBooking(booking),
    });
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
}
