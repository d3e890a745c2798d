-- CreateEnum
CREATE TYPE "AppointmentKind" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO');

-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('MAIL', 'WEBHOOK');

-- CreateTable
CREATE TABLE "CatalogueService" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "documents" TEXT NOT NULL DEFAULT '',
    "leikaKey" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CatalogueService_pkey" PRIMARY KEY ("id")
);

-- Every per-office service becomes a catalogue entry of its own, under the same id, with its texts. A slug that
-- several offices use gets the office slug appended. Administrators merge entries afterwards where they are one.
INSERT INTO "CatalogueService" ("id", "slug", "name", "description", "documents", "sortOrder", "createdAt", "updatedAt")
SELECT s."id",
       CASE WHEN (SELECT count(*) FROM "Service" d WHERE d."slug" = s."slug") > 1 THEN s."slug" || '-' || o."slug" ELSE s."slug" END,
       s."name", s."description", s."documents", s."sortOrder", s."createdAt", s."updatedAt"
FROM "Service" s JOIN "Office" o ON o."id" = s."officeId";

-- DropForeignKey
ALTER TABLE "ServiceTranslation" DROP CONSTRAINT "ServiceTranslation_serviceId_fkey";

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "kind" "AppointmentKind" NOT NULL DEFAULT 'IN_PERSON';

-- AlterTable
ALTER TABLE "CapacityBlock" ADD COLUMN     "appointmentKinds" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "DateOverride" ADD COLUMN     "appointmentKinds" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Office" ADD COLUMN     "feedIncludesNames" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "maxServicesPerBooking" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "videoMeetingUrlTemplate" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "channel" "OutboxChannel" NOT NULL DEFAULT 'MAIL',
ADD COLUMN     "eventId" TEXT,
ADD COLUMN     "responseStatus" INTEGER,
ADD COLUMN     "webhookEndpointId" TEXT;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "appointmentKinds" TEXT NOT NULL DEFAULT 'IN_PERSON',
ADD COLUMN     "catalogueServiceId" TEXT;
UPDATE "Service" SET "catalogueServiceId" = "id";
ALTER TABLE "Service" ALTER COLUMN "catalogueServiceId" SET NOT NULL,
DROP COLUMN "description",
DROP COLUMN "documents",
DROP COLUMN "name";

-- AlterTable: translations belong to the catalogue entry, which has the service id
ALTER TABLE "ServiceTranslation" ADD COLUMN     "catalogueServiceId" TEXT;
UPDATE "ServiceTranslation" SET "catalogueServiceId" = "serviceId";
ALTER TABLE "ServiceTranslation" DROP CONSTRAINT "ServiceTranslation_pkey",
DROP COLUMN "serviceId",
ALTER COLUMN "catalogueServiceId" SET NOT NULL,
ADD CONSTRAINT "ServiceTranslation_pkey" PRIMARY KEY ("catalogueServiceId", "locale");

-- CreateTable
CREATE TABLE "BookingService" (
    "bookingId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "BookingService_pkey" PRIMARY KEY ("bookingId","serviceId")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT NOT NULL DEFAULT '',
    "includePersonalData" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Branding" (
    "id" TEXT NOT NULL DEFAULT 'site',
    "cityName" TEXT,
    "siteTitle" TEXT,
    "primaryColor" TEXT,
    "logo" BYTEA,
    "logoType" TEXT,
    "logoAlt" TEXT,
    "footerContact" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Branding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueService_slug_key" ON "CatalogueService"("slug");

-- CreateIndex
CREATE INDEX "CatalogueService_leikaKey_idx" ON "CatalogueService"("leikaKey");

-- CreateIndex
CREATE INDEX "BookingService_serviceId_idx" ON "BookingService"("serviceId");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_officeId_idx" ON "WebhookEndpoint"("officeId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_officeId_idx" ON "CalendarFeed"("officeId");

-- CreateIndex
CREATE INDEX "OutboxMessage_officeId_channel_createdAt_idx" ON "OutboxMessage"("officeId", "channel", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_webhookEndpointId_eventId_key" ON "OutboxMessage"("webhookEndpointId", "eventId");

-- CreateIndex
CREATE INDEX "Service_catalogueServiceId_idx" ON "Service"("catalogueServiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Service_officeId_catalogueServiceId_key" ON "Service"("officeId", "catalogueServiceId");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_catalogueServiceId_fkey" FOREIGN KEY ("catalogueServiceId") REFERENCES "CatalogueService"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceTranslation" ADD CONSTRAINT "ServiceTranslation_catalogueServiceId_fkey" FOREIGN KEY ("catalogueServiceId") REFERENCES "CatalogueService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_webhookEndpointId_fkey" FOREIGN KEY ("webhookEndpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingService" ADD CONSTRAINT "BookingService_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookingService" ADD CONSTRAINT "BookingService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;
