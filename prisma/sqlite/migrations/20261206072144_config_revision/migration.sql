-- CreateTable
CREATE TABLE "ConfigRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0
);

-- The one row the triggers below raise.
INSERT INTO "ConfigRevision" ("id", "revision") VALUES (1, 0);

-- Every write to a table that a booking's settings come from raises the revision in the same transaction, so that
-- an app instance knows when what it keeps in memory of them is out of date. A test checks every table below.
-- SQLite drops a table's triggers with the table: a later migration that redefines one of them must create them again.
CREATE TRIGGER "Office_config_revision_insert" AFTER INSERT ON "Office"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Office_config_revision_update" AFTER UPDATE ON "Office"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Office_config_revision_delete" AFTER DELETE ON "Office"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Service_config_revision_insert" AFTER INSERT ON "Service"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Service_config_revision_update" AFTER UPDATE ON "Service"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Service_config_revision_delete" AFTER DELETE ON "Service"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueService_config_revision_insert" AFTER INSERT ON "CatalogueService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueService_config_revision_update" AFTER UPDATE ON "CatalogueService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueService_config_revision_delete" AFTER DELETE ON "CatalogueService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ServiceTranslation_config_revision_insert" AFTER INSERT ON "ServiceTranslation"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ServiceTranslation_config_revision_update" AFTER UPDATE ON "ServiceTranslation"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ServiceTranslation_config_revision_delete" AFTER DELETE ON "ServiceTranslation"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CapacityBlock_config_revision_insert" AFTER INSERT ON "CapacityBlock"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CapacityBlock_config_revision_update" AFTER UPDATE ON "CapacityBlock"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CapacityBlock_config_revision_delete" AFTER DELETE ON "CapacityBlock"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "_CapacityBlockToService_config_revision_insert" AFTER INSERT ON "_CapacityBlockToService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "_CapacityBlockToService_config_revision_update" AFTER UPDATE ON "_CapacityBlockToService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "_CapacityBlockToService_config_revision_delete" AFTER DELETE ON "_CapacityBlockToService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DateOverride_config_revision_insert" AFTER INSERT ON "DateOverride"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DateOverride_config_revision_update" AFTER UPDATE ON "DateOverride"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "DateOverride_config_revision_delete" AFTER DELETE ON "DateOverride"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "_DateOverrideToService_config_revision_insert" AFTER INSERT ON "_DateOverrideToService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "_DateOverrideToService_config_revision_update" AFTER UPDATE ON "_DateOverrideToService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "_DateOverrideToService_config_revision_delete" AFTER DELETE ON "_DateOverrideToService"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Closure_config_revision_insert" AFTER INSERT ON "Closure"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Closure_config_revision_update" AFTER UPDATE ON "Closure"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Closure_config_revision_delete" AFTER DELETE ON "Closure"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "HolidayOpening_config_revision_insert" AFTER INSERT ON "HolidayOpening"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "HolidayOpening_config_revision_update" AFTER UPDATE ON "HolidayOpening"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "HolidayOpening_config_revision_delete" AFTER DELETE ON "HolidayOpening"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "WebhookEndpoint_config_revision_insert" AFTER INSERT ON "WebhookEndpoint"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "WebhookEndpoint_config_revision_update" AFTER UPDATE ON "WebhookEndpoint"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "WebhookEndpoint_config_revision_delete" AFTER DELETE ON "WebhookEndpoint"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Branding_config_revision_insert" AFTER INSERT ON "Branding"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Branding_config_revision_update" AFTER UPDATE ON "Branding"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Branding_config_revision_delete" AFTER DELETE ON "Branding"
BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1; END;
