-- CreateTable
CREATE TABLE "content_epoch" (
    "table_name" TEXT NOT NULL,
    "epoch" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "content_epoch_pkey" PRIMARY KEY ("table_name")
);

-- One row per table the shared pages show (lib/http/customer-pages.ts CONTENT_TABLES).
INSERT INTO "content_epoch" ("table_name") VALUES ('incident'), ('category'), ('content_version'), ('carrier_setting');

-- Any write statement on such a table bumps its counter in the same transaction, so the
-- new version is visible exactly when the write is (ADR 41).
-- \073 is a semicolon: the migration's driver adapter (@prisma/adapter-pg) splits a
-- script on every semicolon, dollar quotes or not.
CREATE FUNCTION "bump_content_epoch"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN UPDATE "content_epoch" SET "epoch" = "epoch" + 1 WHERE "table_name" = TG_TABLE_NAME\073 RETURN NULL\073 END';

CREATE TRIGGER "incident_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "incident"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_epoch"();
CREATE TRIGGER "category_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "category"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_epoch"();
CREATE TRIGGER "content_version_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "content_version"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_epoch"();
CREATE TRIGGER "carrier_setting_content_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "carrier_setting"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_epoch"();
