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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Office" ("active", "authority", "bookingHorizonDays", "createdAt", "department", "directions", "email", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "phone", "postalCode", "rebookDelayMinutes", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "street", "timeZone", "updatedAt", "verificationMode", "website") SELECT "active", "authority", "bookingHorizonDays", "createdAt", "department", "directions", "email", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "phone", "postalCode", "rebookDelayMinutes", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "street", "timeZone", "updatedAt", "verificationMode", "website" FROM "Office";
DROP TABLE "Office";
ALTER TABLE "new_Office" RENAME TO "Office";
CREATE UNIQUE INDEX "Office_slug_key" ON "Office"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
