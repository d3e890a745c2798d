-- Deploy runs the data step "holiday-openings" (prisma/migrate/data-steps.ts) before this migration: it reads
-- the accepted holidays (kind HOLIDAY) one last time.
-- AlterTable
ALTER TABLE "Closure" DROP COLUMN "kind";

-- DropEnum
DROP TYPE "ClosureKind";
