// The framework-free domain rules: time-zone handling, public holidays, clerk capacity, slots, appointments and holds,
// which bookings occupy a clerk, and reference codes.

export * from "./types";
export {
  MINUTES_PER_DAY,
  MS_PER_MINUTE,
  addDays,
  datesBetween,
  isValidLocalDate,
  localDateOf,
  localMinuteOf,
  startOfWeek,
  weekdayOf,
  zonedInstant,
} from "./time";
export {
  type HolidayName,
  type PublicHoliday,
  closingHoliday,
  holidayName,
  publicHolidayOn,
  publicHolidays,
} from "./holidays";
export {
  type CapacityPool,
  type CapacitySegment,
  canAssign,
  canAssignKeeping,
  capacityAt,
  capacityCalendar,
  capacityForDate,
  clerksFor,
  poolServes,
  serviceWindows,
  servesEverything,
} from "./capacity";
export {
  APPOINTMENT_KINDS,
  type AppointmentKind,
  type Demand,
  type DemandKey,
  VIDEO_REFERENCE_PLACEHOLDER,
  combinedService,
  demandKey,
  formatAppointmentKinds,
  isAppointmentKind,
  isVideoMeetingTemplate,
  offeredKinds,
  parseAppointmentKinds,
  parseDemandKey,
  videoMeetingUrl,
} from "./demand";
export {
  type Availability,
  type AvailabilityInput,
  type CalendarDay,
  type DateRange,
  type DayStatus,
  type NextOptions,
  type SlotCheck,
  type SlotRejection,
  type SlotWeek,
  appointmentMinutes,
  bookableDates,
  bookingHorizon,
  checkSlot,
  dayStatus,
  listSlots,
  nextFreeSlot,
  occupiesAt,
  prepareAvailability,
} from "./slots";
export { type AppointmentInterval, appointmentDates, appointmentEndMinute, appointmentInterval } from "./appointment";
export { type DisplaceableBooking, displacedBookings } from "./displacement";
export {
  type Hold,
  MAX_HOLD_FACTOR,
  canExtendHold,
  extendedHoldDeadline,
  holdDeadline,
  holdLimit,
  isLiveHold,
  needsVerification,
} from "./holds";
export { OCCUPYING_STATUSES, STILL_TO_SERVE_STATUSES, occupiesClerk } from "./occupancy";
export { SEARCH_WINDOW_DAYS, searchWindows } from "./slot-search";
export { type BookingToRelocate, firstFreeSlotFrom, planRelocations } from "./relocation";
export {
  REFERENCE_CODE_ALPHABET,
  REFERENCE_CODE_PREFIX,
  REFERENCE_CODE_RANDOM_BYTES,
  normalizeReferenceCode,
  referenceCodeFrom,
} from "./booking-code";
export { isUrgent } from "./urgency";
