-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OfficeDay" (
    "officeId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "scheduleVersion" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("officeId", "date"),
    CONSTRAINT "OfficeDay_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OfficeDay" ("date", "officeId", "version") SELECT "date", "officeId", "version" FROM "OfficeDay";
DROP TABLE "OfficeDay";
ALTER TABLE "new_OfficeDay" RENAME TO "OfficeDay";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
