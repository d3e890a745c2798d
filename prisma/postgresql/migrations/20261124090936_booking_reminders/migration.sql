-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "reminderSentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "reminderHours" INTEGER NOT NULL DEFAULT 24;
