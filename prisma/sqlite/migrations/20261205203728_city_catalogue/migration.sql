-- CreateTable
CREATE TABLE "CatalogueService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "documents" TEXT NOT NULL DEFAULT '',
    "leikaKey" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- Every per-office service becomes a catalogue entry of its own, under the same id, with its texts. A slug that
-- several offices use gets the office slug appended. Administrators merge entries afterwards where they are one.
INSERT INTO "CatalogueService" ("id", "slug", "name", "description", "documents", "sortOrder", "createdAt", "updatedAt")
SELECT s."id",
       CASE WHEN (SELECT count(*) FROM "Service" d WHERE d."slug" = s."slug") > 1 THEN s."slug" || '-' || o."slug" ELSE s."slug" END,
       s."name", s."description", s."documents", s."sortOrder", s."createdAt", s."updatedAt"
FROM "Service" s JOIN "Office" o ON o."id" = s."officeId";

-- CreateTable
CREATE TABLE "BookingService" (
    "bookingId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("bookingId", "serviceId"),
    CONSTRAINT "BookingService_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BookingService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT NOT NULL DEFAULT '',
    "includePersonalData" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookEndpoint_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "CalendarFeed_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Branding" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'site',
    "cityName" TEXT,
    "siteTitle" TEXT,
    "primaryColor" TEXT,
    "logo" BLOB,
    "logoType" TEXT,
    "logoAlt" TEXT,
    "footerContact" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Booking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "persons" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'CONFIRMED',
    "channel" TEXT NOT NULL DEFAULT 'ONLINE',
    "referenceCode" TEXT NOT NULL,
    "manageTokenHash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'de',
    "givenName" TEXT,
    "familyName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "dateOfBirth" TEXT,
    "remark" TEXT,
    "permitExpiresOn" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "kind" TEXT NOT NULL DEFAULT 'IN_PERSON',
    "holdExpiresAt" DATETIME,
    "cancelledAt" DATETIME,
    "cancelReason" TEXT,
    "arrivedAt" DATETIME,
    "servedAt" DATETIME,
    "reminderSentAt" DATETIME,
    "erasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Booking_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Booking_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Booking" ("arrivedAt", "cancelReason", "cancelledAt", "channel", "createdAt", "dateOfBirth", "email", "endsAt", "erasedAt", "familyName", "givenName", "holdExpiresAt", "id", "locale", "manageTokenHash", "officeId", "permitExpiresOn", "persons", "phone", "referenceCode", "remark", "reminderSentAt", "servedAt", "serviceId", "startsAt", "status", "updatedAt", "urgent") SELECT "arrivedAt", "cancelReason", "cancelledAt", "channel", "createdAt", "dateOfBirth", "email", "endsAt", "erasedAt", "familyName", "givenName", "holdExpiresAt", "id", "locale", "manageTokenHash", "officeId", "permitExpiresOn", "persons", "phone", "referenceCode", "remark", "reminderSentAt", "servedAt", "serviceId", "startsAt", "status", "updatedAt", "urgent" FROM "Booking";
DROP TABLE "Booking";
ALTER TABLE "new_Booking" RENAME TO "Booking";
CREATE UNIQUE INDEX "Booking_referenceCode_key" ON "Booking"("referenceCode");
CREATE UNIQUE INDEX "Booking_manageTokenHash_key" ON "Booking"("manageTokenHash");
CREATE INDEX "Booking_officeId_startsAt_idx" ON "Booking"("officeId", "startsAt");
CREATE INDEX "Booking_officeId_status_startsAt_idx" ON "Booking"("officeId", "status", "startsAt");
CREATE INDEX "Booking_email_idx" ON "Booking"("email");
CREATE TABLE "new_CapacityBlock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "clerks" INTEGER NOT NULL,
    "urgentClerks" INTEGER NOT NULL DEFAULT 0,
    "validFrom" TEXT,
    "validUntil" TEXT,
    "appointmentKinds" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CapacityBlock_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CapacityBlock" ("clerks", "createdAt", "endMinute", "id", "officeId", "startMinute", "updatedAt", "urgentClerks", "validFrom", "validUntil", "weekday") SELECT "clerks", "createdAt", "endMinute", "id", "officeId", "startMinute", "updatedAt", "urgentClerks", "validFrom", "validUntil", "weekday" FROM "CapacityBlock";
DROP TABLE "CapacityBlock";
ALTER TABLE "new_CapacityBlock" RENAME TO "CapacityBlock";
CREATE INDEX "CapacityBlock_officeId_weekday_idx" ON "CapacityBlock"("officeId", "weekday");
CREATE TABLE "new_DateOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "clerks" INTEGER NOT NULL,
    "urgentClerks" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "appointmentKinds" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DateOverride_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DateOverride" ("clerks", "createdAt", "date", "endMinute", "id", "note", "officeId", "startMinute", "updatedAt", "urgentClerks") SELECT "clerks", "createdAt", "date", "endMinute", "id", "note", "officeId", "startMinute", "updatedAt", "urgentClerks" FROM "DateOverride";
DROP TABLE "DateOverride";
ALTER TABLE "new_DateOverride" RENAME TO "DateOverride";
CREATE INDEX "DateOverride_officeId_date_idx" ON "DateOverride"("officeId", "date");
CREATE TABLE "new_Office" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT,
    "authority" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "locality" TEXT NOT NULL,
    "room" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "directions" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "holidayRegion" TEXT NOT NULL DEFAULT 'DE-RP',
    "bookingHorizonDays" INTEGER NOT NULL DEFAULT 90,
    "minNoticeMinutes" INTEGER NOT NULL DEFAULT 120,
    "slotStepMinutes" INTEGER NOT NULL DEFAULT 15,
    "retentionDays" INTEGER NOT NULL DEFAULT 30,
    "reminderHours" INTEGER NOT NULL DEFAULT 24,
    "maxActiveBookingsPerEmail" INTEGER NOT NULL DEFAULT 3,
    "verificationMode" TEXT NOT NULL DEFAULT 'NONE',
    "holdMinutes" INTEGER NOT NULL DEFAULT 30,
    "rebookDelayMinutes" INTEGER NOT NULL DEFAULT 0,
    "statusCorrectionDays" INTEGER NOT NULL DEFAULT 7,
    "senderName" TEXT,
    "replyTo" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "waitlistEnabled" BOOLEAN NOT NULL DEFAULT true,
    "offerHours" INTEGER NOT NULL DEFAULT 12,
    "urgentWithinDays" INTEGER NOT NULL DEFAULT 28,
    "urgentReleaseHours" INTEGER NOT NULL DEFAULT 48,
    "extensionRequestsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "extensionReceiptNote" TEXT,
    "checkInEarlyMinutes" INTEGER NOT NULL DEFAULT 30,
    "checkInLateMinutes" INTEGER NOT NULL DEFAULT 15,
    "callToleranceMinutes" INTEGER NOT NULL DEFAULT 10,
    "walkInQueueLimit" INTEGER NOT NULL DEFAULT 30,
    "announceCalls" BOOLEAN NOT NULL DEFAULT false,
    "waitingArea" TEXT,
    "maxServicesPerBooking" INTEGER NOT NULL DEFAULT 1,
    "videoMeetingUrlTemplate" TEXT,
    "feedIncludesNames" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Office" ("active", "announceCalls", "authority", "bookingHorizonDays", "callToleranceMinutes", "checkInEarlyMinutes", "checkInLateMinutes", "createdAt", "department", "directions", "email", "extensionReceiptNote", "extensionRequestsEnabled", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "offerHours", "phone", "postalCode", "rebookDelayMinutes", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "statusCorrectionDays", "street", "timeZone", "updatedAt", "urgentReleaseHours", "urgentWithinDays", "verificationMode", "waitingArea", "waitlistEnabled", "walkInQueueLimit", "website") SELECT "active", "announceCalls", "authority", "bookingHorizonDays", "callToleranceMinutes", "checkInEarlyMinutes", "checkInLateMinutes", "createdAt", "department", "directions", "email", "extensionReceiptNote", "extensionRequestsEnabled", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "offerHours", "phone", "postalCode", "rebookDelayMinutes", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "statusCorrectionDays", "street", "timeZone", "updatedAt", "urgentReleaseHours", "urgentWithinDays", "verificationMode", "waitingArea", "waitlistEnabled", "walkInQueueLimit", "website" FROM "Office";
DROP TABLE "Office";
ALTER TABLE "new_Office" RENAME TO "Office";
CREATE UNIQUE INDEX "Office_slug_key" ON "Office"("slug");
CREATE TABLE "new_OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "officeId" TEXT,
    "bookingId" TEXT,
    "template" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "messageId" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'MAIL',
    "webhookEndpointId" TEXT,
    "eventId" TEXT,
    "responseStatus" INTEGER,
    CONSTRAINT "OutboxMessage_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_webhookEndpointId_fkey" FOREIGN KEY ("webhookEndpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "bookingId", "createdAt", "id", "lastError", "lockedUntil", "messageId", "nextAttemptAt", "officeId", "payload", "recipient", "sentAt", "status", "subject", "template") SELECT "attempts", "bookingId", "createdAt", "id", "lastError", "lockedUntil", "messageId", "nextAttemptAt", "officeId", "payload", "recipient", "sentAt", "status", "subject", "template" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");
CREATE INDEX "OutboxMessage_officeId_channel_createdAt_idx" ON "OutboxMessage"("officeId", "channel", "createdAt");
CREATE UNIQUE INDEX "OutboxMessage_webhookEndpointId_eventId_key" ON "OutboxMessage"("webhookEndpointId", "eventId");
CREATE TABLE "new_Service" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "catalogueServiceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "extraPersonMinutes" INTEGER NOT NULL DEFAULT 0,
    "maxPersons" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "releaseMode" TEXT NOT NULL DEFAULT 'FIRST_COME',
    "asksPermitExpiry" BOOLEAN NOT NULL DEFAULT false,
    "walkInDayParts" TEXT NOT NULL DEFAULT '',
    "appointmentKinds" TEXT NOT NULL DEFAULT 'IN_PERSON',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Service_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Service_catalogueServiceId_fkey" FOREIGN KEY ("catalogueServiceId") REFERENCES "CatalogueService" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Service" ("active", "asksPermitExpiry", "catalogueServiceId", "createdAt", "durationMinutes", "extraPersonMinutes", "id", "maxPersons", "officeId", "releaseMode", "slug", "sortOrder", "updatedAt", "walkInDayParts") SELECT "active", "asksPermitExpiry", "id", "createdAt", "durationMinutes", "extraPersonMinutes", "id", "maxPersons", "officeId", "releaseMode", "slug", "sortOrder", "updatedAt", "walkInDayParts" FROM "Service";
DROP TABLE "Service";
ALTER TABLE "new_Service" RENAME TO "Service";
CREATE INDEX "Service_officeId_active_sortOrder_idx" ON "Service"("officeId", "active", "sortOrder");
CREATE INDEX "Service_catalogueServiceId_idx" ON "Service"("catalogueServiceId");
CREATE UNIQUE INDEX "Service_officeId_slug_key" ON "Service"("officeId", "slug");
CREATE UNIQUE INDEX "Service_officeId_catalogueServiceId_key" ON "Service"("officeId", "catalogueServiceId");
CREATE TABLE "new_ServiceTranslation" (
    "catalogueServiceId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "documents" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("catalogueServiceId", "locale"),
    CONSTRAINT "ServiceTranslation_catalogueServiceId_fkey" FOREIGN KEY ("catalogueServiceId") REFERENCES "CatalogueService" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ServiceTranslation" ("catalogueServiceId", "description", "documents", "locale", "name") SELECT "serviceId", "description", "documents", "locale", "name" FROM "ServiceTranslation";
DROP TABLE "ServiceTranslation";
ALTER TABLE "new_ServiceTranslation" RENAME TO "ServiceTranslation";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueService_slug_key" ON "CatalogueService"("slug");

-- CreateIndex
CREATE INDEX "CatalogueService_leikaKey_idx" ON "CatalogueService"("leikaKey");

-- CreateIndex
CREATE INDEX "BookingService_serviceId_idx" ON "BookingService"("serviceId");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_officeId_idx" ON "WebhookEndpoint"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_officeId_idx" ON "CalendarFeed"("officeId");
