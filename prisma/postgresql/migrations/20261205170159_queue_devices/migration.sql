-- CreateEnum
CREATE TYPE "DeviceKind" AS ENUM ('KIOSK', 'DISPLAY');

-- CreateEnum
CREATE TYPE "TicketKind" AS ENUM ('APPOINTMENT', 'WALK_IN');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('WAITING', 'CALLED', 'PARKED', 'SERVED', 'NO_SHOW', 'CANCELLED');

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "announceCalls" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "callToleranceMinutes" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "checkInEarlyMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "checkInLateMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "waitingArea" TEXT,
ADD COLUMN     "walkInQueueLimit" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "walkInDayParts" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Device" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "kind" "DeviceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "pairingCodeHash" TEXT,
    "pairingExpiresAt" TIMESTAMP(3),
    "credentialHash" TEXT,
    "counterIds" TEXT NOT NULL DEFAULT '',
    "pairedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Counter" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueueDay" (
    "officeId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "appointmentNumbers" INTEGER NOT NULL DEFAULT 0,
    "walkInNumbers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "QueueDay_pkey" PRIMARY KEY ("officeId","date")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" "TicketKind" NOT NULL,
    "series" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "bookingId" TEXT,
    "persons" INTEGER NOT NULL DEFAULT 1,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'de',
    "status" "TicketStatus" NOT NULL DEFAULT 'WAITING',
    "dueAt" TIMESTAMP(3),
    "arrivedAt" TIMESTAMP(3) NOT NULL,
    "calledAt" TIMESTAMP(3),
    "firstCalledAt" TIMESTAMP(3),
    "callCount" INTEGER NOT NULL DEFAULT 0,
    "counterId" TEXT,
    "calledById" TEXT,
    "forwardedToCounterId" TEXT,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyQueueStats" (
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kind" "TicketKind" NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DailyQueueStats_pkey" PRIMARY KEY ("officeId","serviceId","date","kind")
);

-- CreateTable
CREATE TABLE "_CounterToService" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CounterToService_AB_pkey" PRIMARY KEY ("A","B")
);

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
CREATE INDEX "_CounterToService_B_index" ON "_CounterToService"("B");

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Counter" ADD CONSTRAINT "Counter_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueDay" ADD CONSTRAINT "QueueDay_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_counterId_fkey" FOREIGN KEY ("counterId") REFERENCES "Counter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_calledById_fkey" FOREIGN KEY ("calledById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CounterToService" ADD CONSTRAINT "_CounterToService_A_fkey" FOREIGN KEY ("A") REFERENCES "Counter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CounterToService" ADD CONSTRAINT "_CounterToService_B_fkey" FOREIGN KEY ("B") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
