import { fieldError } from "@/lib/server/errors";
import type { OfficeSettings } from "@/lib/schemas/office";
import type { Db, Tx } from "@/lib/server/db/client";

// What creating and editing an office share: the row's columns from the form, and the slug check.

export function officeColumns(input: OfficeSettings) {
  return {
    name: input.name,
    department: input.department,
    authority: input.authority,
    street: input.street,
    postalCode: input.postalCode,
    locality: input.locality,
    room: input.room,
    phone: input.phone,
    email: input.email,
    website: input.website,
    directions: input.directions,
    timeZone: input.timeZone,
    holidayRegion: input.holidayRegion,
    bookingHorizonDays: input.bookingHorizonDays,
    minNoticeMinutes: input.minNoticeMinutes,
    slotStepMinutes: input.slotStepMinutes,
    retentionDays: input.retentionDays,
    reminderHours: input.reminderHours,
    maxActiveBookingsPerEmail: input.maxActiveBookingsPerEmail,
    verificationMode: input.verificationMode,
    holdMinutes: input.holdMinutes,
    rebookDelayMinutes: input.rebookDelayMinutes,
    ...(input.maxServicesPerBooking !== undefined ? { maxServicesPerBooking: input.maxServicesPerBooking } : {}),
    ...(input.videoMeetingUrlTemplate !== undefined ? { videoMeetingUrlTemplate: input.videoMeetingUrlTemplate } : {}),
    statusCorrectionDays: input.statusCorrectionDays,
    senderName: input.senderName,
    replyTo: input.replyTo,
    waitlistEnabled: input.waitlistEnabled,
    offerHours: input.offerHours,
    urgentWithinDays: input.urgentWithinDays,
    urgentReleaseHours: input.urgentReleaseHours,
    extensionRequestsEnabled: input.extensionRequestsEnabled,
    extensionReceiptNote: input.extensionReceiptNote,
    checkInEarlyMinutes: input.checkInEarlyMinutes,
    checkInLateMinutes: input.checkInLateMinutes,
    callToleranceMinutes: input.callToleranceMinutes,
    walkInQueueLimit: input.walkInQueueLimit,
    announceCalls: input.announceCalls,
    waitingArea: input.waitingArea,
    ...(input.feedIncludesNames !== undefined ? { feedIncludesNames: input.feedIncludesNames } : {}),
  };
}

/** Refuses a slug another office uses; the unique index catches a concurrent insert of the same slug. */
export async function assertSlugFree(db: Db | Tx, slug: string, exceptOfficeId?: string): Promise<void> {
  const other = await db.office.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== exceptOfficeId) throw fieldError("slug", "slugTaken");
}
