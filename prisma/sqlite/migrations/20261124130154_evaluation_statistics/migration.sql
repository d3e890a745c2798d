-- CreateTable
CREATE TABLE "DailyBookingStats" (
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "cancelLeadHistogram" TEXT NOT NULL,
    "noShow" INTEGER NOT NULL DEFAULT 0,
    "arrived" INTEGER NOT NULL DEFAULT 0,
    "served" INTEGER NOT NULL DEFAULT 0,
    "bookedMinutes" INTEGER NOT NULL DEFAULT 0,
    "leadDaysSum" INTEGER NOT NULL DEFAULT 0,
    "leadDaysHistogram" TEXT NOT NULL,
    "punctualityCount" INTEGER NOT NULL DEFAULT 0,
    "punctualitySum" INTEGER NOT NULL DEFAULT 0,
    "punctualityHistogram" TEXT NOT NULL,
    "durationCount" INTEGER NOT NULL DEFAULT 0,
    "durationSum" INTEGER NOT NULL DEFAULT 0,
    "durationHistogram" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("officeId", "serviceId", "date", "channel")
);

-- CreateTable
CREATE TABLE "DailyOfficeCapacity" (
    "officeId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "offeredMinutes" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("officeId", "date")
);

-- CreateTable
CREATE TABLE "NextFreeSlotSample" (
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "days" INTEGER,
    "sampledAt" DATETIME NOT NULL,

    PRIMARY KEY ("officeId", "serviceId", "date")
);

-- CreateIndex
CREATE INDEX "DailyBookingStats_date_idx" ON "DailyBookingStats"("date");

-- CreateIndex
CREATE INDEX "DailyOfficeCapacity_date_idx" ON "DailyOfficeCapacity"("date");

-- CreateIndex
CREATE INDEX "NextFreeSlotSample_date_idx" ON "NextFreeSlotSample"("date");
