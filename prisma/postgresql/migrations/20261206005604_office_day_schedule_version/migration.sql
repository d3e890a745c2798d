-- AlterTable
ALTER TABLE "OfficeDay" ADD COLUMN     "scheduleVersion" INTEGER NOT NULL DEFAULT 0;
