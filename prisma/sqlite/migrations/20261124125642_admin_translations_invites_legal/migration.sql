-- CreateTable
CREATE TABLE "ServiceTranslation" (
    "serviceId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "documents" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("serviceId", "locale"),
    CONSTRAINT "ServiceTranslation_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StaffInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffInvite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LegalText" (
    "scope" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("scope", "kind", "locale")
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
    "senderName" TEXT,
    "replyTo" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Office" ("active", "authority", "bookingHorizonDays", "createdAt", "department", "directions", "email", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "phone", "postalCode", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "street", "timeZone", "updatedAt", "verificationMode", "website") SELECT "active", "authority", "bookingHorizonDays", "createdAt", "department", "directions", "email", "holdMinutes", "holidayRegion", "id", "locality", "maxActiveBookingsPerEmail", "minNoticeMinutes", "name", "phone", "postalCode", "reminderHours", "replyTo", "retentionDays", "room", "senderName", "slotStepMinutes", "slug", "street", "timeZone", "updatedAt", "verificationMode", "website" FROM "Office";
DROP TABLE "Office";
ALTER TABLE "new_Office" RENAME TO "Office";
CREATE UNIQUE INDEX "Office_slug_key" ON "Office"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvite_tokenHash_key" ON "StaffInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvite_userId_idx" ON "StaffInvite"("userId");
