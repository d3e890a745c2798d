-- CreateTable
CREATE TABLE "HolidayOpening" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HolidayOpening_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HolidayOpening_officeId_date_key" ON "HolidayOpening"("officeId", "date");

-- AddForeignKey
ALTER TABLE "HolidayOpening" ADD CONSTRAINT "HolidayOpening_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;
