// Staff use cases for opening hours and clerk capacity; every one checks the actor against the record's office.
export { getCapacityPlan } from "./list-capacity";
export { createCapacityBlock } from "./create-block";
export { updateCapacityBlock } from "./update-block";
export { deleteCapacityBlock } from "./delete-block";
export { createClosure } from "./create-closure";
export { deleteClosure } from "./delete-closure";
export { createDateOverride } from "./create-override";
export { updateDateOverride } from "./update-override";
export { deleteDateOverride } from "./delete-override";
export { openHoliday } from "./open-holiday";
export { closeHoliday } from "./close-holiday";
export { findDisplacedBookings } from "./conflicts";
export { type CapacityChangeResult, type ConflictBooking } from "./shared";
