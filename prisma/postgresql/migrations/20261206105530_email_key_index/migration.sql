-- CreateIndex
CREATE INDEX "Booking_officeId_emailKey_startsAt_idx" ON "Booking"("officeId", "emailKey", "startsAt");

-- CreateIndex
CREATE INDEX "Wish_officeId_emailKey_idx" ON "Wish"("officeId", "emailKey");
