-- Deploy runs the data step "holiday-openings" (prisma/migrate/data-steps.ts) before this migration: it reads
-- the accepted holidays (kind HOLIDAY) one last time.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Closure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "officeId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "startMinute" INTEGER,
    "endMinute" INTEGER,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Closure_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Closure" ("createdAt", "date", "endMinute", "id", "officeId", "reason", "startMinute", "updatedAt") SELECT "createdAt", "date", "endMinute", "id", "officeId", "reason", "startMinute", "updatedAt" FROM "Closure";
DROP TABLE "Closure";
ALTER TABLE "new_Closure" RENAME TO "Closure";
CREATE INDEX "Closure_officeId_date_idx" ON "Closure"("officeId", "date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
