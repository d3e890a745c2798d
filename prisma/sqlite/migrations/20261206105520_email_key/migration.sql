-- The mailbox an address reaches (emailCountingKey), by which the limit per address counts. SQL cannot compute it:
-- the data step "email-keys" (prisma/migrate/data-steps.ts) fills it for existing rows before email_key_index.

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "emailKey" TEXT;

-- AlterTable
ALTER TABLE "Wish" ADD COLUMN "emailKey" TEXT;
