-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "statusCorrectionDays" INTEGER NOT NULL DEFAULT 7;
