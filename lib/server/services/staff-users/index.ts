export { acceptInvite, findInvite, type InviteClient } from "./accept-invite";
export { inviteStaff } from "./invite-staff";
export { assignableOffices, getStaff, listStaff } from "./list-staff";
export { resendInvite } from "./resend-invite";
export { setStaffActive } from "./set-staff-active";
export { STAFF_AUDIT } from "./shared";
export { updateStaff } from "./update-staff";
