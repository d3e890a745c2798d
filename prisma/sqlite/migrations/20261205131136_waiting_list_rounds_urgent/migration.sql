-- CreateTable
CREATE TABLE "Wish" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "persons" INTEGER NOT NULL DEFAULT 1,
    "earliestDate" TEXT NOT NULL,
    "latestDate" TEXT NOT NULL,
    "weekdays" TEXT NOT NULL,
    "dayParts" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'WAITLIST',
    "status" TEXT NOT NULL DEFAULT 'UNCONFIRMED',
    "roundId" TEXT,
    "manageTokenHash" TEXT NOT NULL,
    "referenceCode" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'de',
    "givenName" TEXT,
    "familyName" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "dateOfBirth" TEXT,
    "permitExpiresOn" TEXT,
    "identityHash" TEXT,
    "confirmedAt" DATETIME,
    "openOfferId" TEXT,
    "bookingId" TEXT,
    "closedAt" DATETIME,
    "erasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Wish_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Wish_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Wish_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReleaseRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WishOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "wishId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "offeredAt" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'OPEN',
    "decidedAt" DATETIME,
    CONSTRAINT "WishOffer_wishId_fkey" FOREIGN KEY ("wishId") REFERENCES "Wish" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WishOffer_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WishOffer_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReleaseRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "seedHash" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "drawStartedAt" DATETIME,
    "drawnAt" DATETIME,
    "requestCount" INTEGER NOT NULL DEFAULT 0,
    "placeCount" INTEGER NOT NULL DEFAULT 0,
    "assignedCount" INTEGER NOT NULL DEFAULT 0,
    "drawRecord" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReleaseRound_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReleaseRound_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExtensionReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "wishId" TEXT NOT NULL,
    "filedAt" DATETIME NOT NULL,
    "payload" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    CONSTRAINT "ExtensionReceipt_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExtensionReceipt_wishId_fkey" FOREIGN KEY ("wishId") REFERENCES "Wish" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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
INSERT INTO "new_Booking" ("arrivedAt", "cancelReason", "cancelledAt", "channel", "createdAt", "dateOfBirth", "email", "endsAt", "erasedAt", "familyName", "givenName", "holdExpiresAt", "id", "locale", "manageTokenHash", "officeId", "persons", "phone", "referenceCode", "remark", "reminderSentAt", "servedAt", "serviceId", "startsAt", "status", "updatedAt") SELECT "arrivedAt", "cancelReason", "cancelledAt", "channel", "createdAt", "dateOfBirth", "email", "endsAt", "erasedAt", "familyName", "givenName", "holdExpiresAt", "id", "locale", "manageTokenHash", "officeId", "persons", "phone", "referenceCode", "remark", "reminderSentAt", "servedAt", "serviceId", "startsAt", "status", "updatedAt" FROM "Booking";
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CapacityBlock_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CapacityBlock" ("clerks", "createdAt", "endMinute", "id", "officeId", "startMinute", "updatedAt", "validFrom", "validUntil", "weekday") SELECT "clerks", "createdAt", "endMinute", "id", "officeId", "startMinute", "updatedAt", "validFrom", "validUntil", "weekday" FROM "CapacityBlock";
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DateOverride_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DateOverride" ("clerks", "createdAt", "date", "endMinute", "id", "note", "officeId", "startMinute", "updatedAt") SELECT "clerks", "createdAt", "date", "endMinute", "id", "note", "officeId", "startMinute", "updatedAt" FROM "DateOverride";
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Office" ("active", "authority", "bookingHorizonDays", "createdAt", "department", "directions", "email", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "phone", "postalCode", "rebookDelayMinutes", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "statusCorrectionDays", "street", "timeZone", "updatedAt", "verificationMode", "website") SELECT "active", "authority", "bookingHorizonDays", "createdAt", "department", "directions", "email", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "phone", "postalCode", "rebookDelayMinutes", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "statusCorrectionDays", "street", "timeZone", "updatedAt", "verificationMode", "website" FROM "Office";
DROP TABLE "Office";
ALTER TABLE "new_Office" RENAME TO "Office";
CREATE UNIQUE INDEX "Office_slug_key" ON "Office"("slug");
CREATE TABLE "new_Service" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "documents" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL,
    "extraPersonMinutes" INTEGER NOT NULL DEFAULT 0,
    "maxPersons" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "releaseMode" TEXT NOT NULL DEFAULT 'FIRST_COME',
    "asksPermitExpiry" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Service_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Service" ("active", "createdAt", "description", "documents", "durationMinutes", "extraPersonMinutes", "id", "maxPersons", "name", "officeId", "slug", "sortOrder", "updatedAt") SELECT "active", "createdAt", "description", "documents", "durationMinutes", "extraPersonMinutes", "id", "maxPersons", "name", "officeId", "slug", "sortOrder", "updatedAt" FROM "Service";
DROP TABLE "Service";
ALTER TABLE "new_Service" RENAME TO "Service";
CREATE INDEX "Service_officeId_active_sortOrder_idx" ON "Service"("officeId", "active", "sortOrder");
CREATE UNIQUE INDEX "Service_officeId_slug_key" ON "Service"("officeId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Wish_manageTokenHash_key" ON "Wish"("manageTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Wish_referenceCode_key" ON "Wish"("referenceCode");

-- CreateIndex
CREATE UNIQUE INDEX "Wish_openOfferId_key" ON "Wish"("openOfferId");

-- CreateIndex
CREATE UNIQUE INDEX "Wish_bookingId_key" ON "Wish"("bookingId");

-- CreateIndex
CREATE INDEX "Wish_officeId_status_serviceId_idx" ON "Wish"("officeId", "status", "serviceId");

-- CreateIndex
CREATE INDEX "Wish_roundId_idx" ON "Wish"("roundId");

-- CreateIndex
CREATE INDEX "Wish_email_idx" ON "Wish"("email");

-- CreateIndex
CREATE UNIQUE INDEX "WishOffer_bookingId_key" ON "WishOffer"("bookingId");

-- CreateIndex
CREATE INDEX "WishOffer_officeId_offeredAt_idx" ON "WishOffer"("officeId", "offeredAt");

-- CreateIndex
CREATE INDEX "WishOffer_outcome_deadline_idx" ON "WishOffer"("outcome", "deadline");

-- CreateIndex
CREATE INDEX "WishOffer_wishId_idx" ON "WishOffer"("wishId");

-- CreateIndex
CREATE INDEX "ReleaseRound_officeId_closesAt_idx" ON "ReleaseRound"("officeId", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "ExtensionReceipt_number_key" ON "ExtensionReceipt"("number");

-- CreateIndex
CREATE UNIQUE INDEX "ExtensionReceipt_wishId_key" ON "ExtensionReceipt"("wishId");
