-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "holidayRegion" TEXT NOT NULL DEFAULT 'DE-RP';
