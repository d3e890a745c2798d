-- CreateEnum
CREATE TYPE "WishSource" AS ENUM ('WAITLIST', 'ROUND', 'EXTENSION');

-- CreateEnum
CREATE TYPE "WishStatus" AS ENUM ('UNCONFIRMED', 'ACTIVE', 'BOOKED', 'WITHDRAWN', 'REMOVED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "OfferOutcome" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ReleaseMode" AS ENUM ('FIRST_COME', 'ROUNDS');

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "permitExpiresOn" TEXT,
ADD COLUMN     "urgent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CapacityBlock" ADD COLUMN     "urgentClerks" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "DateOverride" ADD COLUMN     "urgentClerks" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "extensionReceiptNote" TEXT,
ADD COLUMN     "extensionRequestsEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "offerHours" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "urgentReleaseHours" INTEGER NOT NULL DEFAULT 48,
ADD COLUMN     "urgentWithinDays" INTEGER NOT NULL DEFAULT 28,
ADD COLUMN     "waitlistEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "asksPermitExpiry" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "releaseMode" "ReleaseMode" NOT NULL DEFAULT 'FIRST_COME';

-- CreateTable
CREATE TABLE "Wish" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "persons" INTEGER NOT NULL DEFAULT 1,
    "earliestDate" TEXT NOT NULL,
    "latestDate" TEXT NOT NULL,
    "weekdays" TEXT NOT NULL,
    "dayParts" TEXT NOT NULL,
    "source" "WishSource" NOT NULL DEFAULT 'WAITLIST',
    "status" "WishStatus" NOT NULL DEFAULT 'UNCONFIRMED',
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
    "confirmedAt" TIMESTAMP(3),
    "openOfferId" TEXT,
    "bookingId" TEXT,
    "closedAt" TIMESTAMP(3),
    "erasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Wish_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WishOffer" (
    "id" TEXT NOT NULL,
    "wishId" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "offeredAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "outcome" "OfferOutcome" NOT NULL DEFAULT 'OPEN',
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "WishOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReleaseRound" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "seedHash" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "drawStartedAt" TIMESTAMP(3),
    "drawnAt" TIMESTAMP(3),
    "requestCount" INTEGER NOT NULL DEFAULT 0,
    "placeCount" INTEGER NOT NULL DEFAULT 0,
    "assignedCount" INTEGER NOT NULL DEFAULT 0,
    "drawRecord" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReleaseRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtensionReceipt" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "wishId" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "payload" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,

    CONSTRAINT "ExtensionReceipt_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Wish" ADD CONSTRAINT "Wish_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReleaseRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WishOffer" ADD CONSTRAINT "WishOffer_wishId_fkey" FOREIGN KEY ("wishId") REFERENCES "Wish"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WishOffer" ADD CONSTRAINT "WishOffer_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WishOffer" ADD CONSTRAINT "WishOffer_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseRound" ADD CONSTRAINT "ReleaseRound_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReleaseRound" ADD CONSTRAINT "ReleaseRound_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionReceipt" ADD CONSTRAINT "ExtensionReceipt_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionReceipt" ADD CONSTRAINT "ExtensionReceipt_wishId_fkey" FOREIGN KEY ("wishId") REFERENCES "Wish"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
