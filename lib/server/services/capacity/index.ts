// Staff use cases for opening hours and clerk capacity; every one checks the actor against the record's office.
export { getCapacityPlan, type CapacityPlan } from "./list-capacity";
export { createCapacityBlock } from "./create-block";
export { updateCapacityBlock } from "./update-block";
export { deleteCapacityBlock } from "./delete-block";
export { createClosure, deleteClosure } from "./closures";
export { createDateOverride, updateDateOverride, deleteDateOverride } from "./overrides";
export { closeHoliday, openBookedHolidays, openHoliday } from "./holidays";
export { displacedBookings, findDisplacedBookings } from "./conflicts";
export { type CapacityChangeResult, type ConflictBooking } from "./shared";
