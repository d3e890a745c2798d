-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pairingCodeHash" TEXT,
    "pairingExpiresAt" DATETIME,
    "credentialHash" TEXT,
    "counterIds" TEXT NOT NULL DEFAULT '',
    "pairedAt" DATETIME,
    "lastSeenAt" DATETIME,
    "revokedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Device_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Counter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Counter_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QueueDay" (
    "officeId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "appointmentNumbers" INTEGER NOT NULL DEFAULT 0,
    "walkInNumbers" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("officeId", "date"),
    CONSTRAINT "QueueDay_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "bookingId" TEXT,
    "persons" INTEGER NOT NULL DEFAULT 1,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'de',
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "dueAt" DATETIME,
    "arrivedAt" DATETIME NOT NULL,
    "calledAt" DATETIME,
    "firstCalledAt" DATETIME,
    "callCount" INTEGER NOT NULL DEFAULT 0,
    "counterId" TEXT,
    "calledById" TEXT,
    "forwardedToCounterId" TEXT,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Ticket_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_counterId_fkey" FOREIGN KEY ("counterId") REFERENCES "Counter" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_calledById_fkey" FOREIGN KEY ("calledById") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DailyQueueStats" (
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tickets" INTEGER NOT NULL DEFAULT 0,
    "served" INTEGER NOT NULL DEFAULT 0,
    "noShow" INTEGER NOT NULL DEFAULT 0,
    "waitCount" INTEGER NOT NULL DEFAULT 0,
    "waitSum" INTEGER NOT NULL DEFAULT 0,
    "waitHistogram" TEXT NOT NULL,
    "serveCount" INTEGER NOT NULL DEFAULT 0,
    "serveSum" INTEGER NOT NULL DEFAULT 0,
    "serveHistogram" TEXT NOT NULL,
    "onTimeCalled" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("officeId", "serviceId", "date", "kind")
);

-- CreateTable
CREATE TABLE "_CounterToService" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_CounterToService_A_fkey" FOREIGN KEY ("A") REFERENCES "Counter" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_CounterToService_B_fkey" FOREIGN KEY ("B") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Office" ("active", "authority", "bookingHorizonDays", "createdAt", "department", "directions", "email", "extensionReceiptNote", "extensionRequestsEnabled", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "offerHours", "phone", "postalCode", "rebookDelayMinutes", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "statusCorrectionDays", "street", "timeZone", "updatedAt", "urgentReleaseHours", "urgentWithinDays", "verificationMode", "waitlistEnabled", "website") SELECT "active", "authority", "bookingHorizonDays", "createdAt", "department", "directions", "email", "extensionReceiptNote", "extensionRequestsEnabled", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "offerHours", "phone", "postalCode", "rebookDelayMinutes", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "statusCorrectionDays", "street", "timeZone", "updatedAt", "urgentReleaseHours", "urgentWithinDays", "verificationMode", "waitlistEnabled", "website" FROM "Office";
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
    "walkInDayParts" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Service_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Service" ("active", "asksPermitExpiry", "createdAt", "description", "documents", "durationMinutes", "extraPersonMinutes", "id", "maxPersons", "name", "officeId", "releaseMode", "slug", "sortOrder", "updatedAt") SELECT "active", "asksPermitExpiry", "createdAt", "description", "documents", "durationMinutes", "extraPersonMinutes", "id", "maxPersons", "name", "officeId", "releaseMode", "slug", "sortOrder", "updatedAt" FROM "Service";
DROP TABLE "Service";
ALTER TABLE "new_Service" RENAME TO "Service";
CREATE INDEX "Service_officeId_active_sortOrder_idx" ON "Service"("officeId", "active", "sortOrder");
CREATE UNIQUE INDEX "Service_officeId_slug_key" ON "Service"("officeId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Device_pairingCodeHash_key" ON "Device"("pairingCodeHash");

-- CreateIndex
CREATE UNIQUE INDEX "Device_credentialHash_key" ON "Device"("credentialHash");

-- CreateIndex
CREATE INDEX "Device_officeId_idx" ON "Device"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "Counter_officeId_name_key" ON "Counter"("officeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_bookingId_key" ON "Ticket"("bookingId");

-- CreateIndex
CREATE INDEX "Ticket_officeId_date_status_idx" ON "Ticket"("officeId", "date", "status");

-- CreateIndex
CREATE INDEX "Ticket_officeId_calledAt_idx" ON "Ticket"("officeId", "calledAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_officeId_date_series_number_key" ON "Ticket"("officeId", "date", "series", "number");

-- CreateIndex
CREATE INDEX "DailyQueueStats_date_idx" ON "DailyQueueStats"("date");

-- CreateIndex
CREATE UNIQUE INDEX "_CounterToService_AB_unique" ON "_CounterToService"("A", "B");

-- CreateIndex
CREATE INDEX "_CounterToService_B_index" ON "_CounterToService"("B");
