-- CreateTable
CREATE TABLE "ConfigRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConfigRevision_pkey" PRIMARY KEY ("id")
);

-- The one row the triggers below raise.
INSERT INTO "ConfigRevision" ("id", "revision") VALUES (1, 0);

-- Every write to a table that a booking's settings come from raises the revision in the same transaction, so that
-- an app instance knows when what it keeps in memory of them is out of date. A test checks every table below.
-- The body's semicolons are written as \073: the migration runner splits scripts at every semicolon.
CREATE FUNCTION "raise_config_revision"() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN UPDATE "ConfigRevision" SET "revision" = "revision" + 1 WHERE "id" = 1\073 RETURN NULL\073 END';
CREATE TRIGGER "Office_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Office"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "Service_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Service"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "CatalogueService_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CatalogueService"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "ServiceTranslation_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ServiceTranslation"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "CapacityBlock_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CapacityBlock"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "_CapacityBlockToService_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_CapacityBlockToService"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "DateOverride_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DateOverride"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "_DateOverrideToService_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_DateOverrideToService"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "Closure_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Closure"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "HolidayOpening_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HolidayOpening"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "WebhookEndpoint_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "WebhookEndpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
CREATE TRIGGER "Branding_config_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Branding"
  FOR EACH STATEMENT EXECUTE FUNCTION "raise_config_revision"();
