-- CreateEnum
CREATE TYPE "content_status" AS ENUM ('draft', 'published', 'archived');

-- AlterTable
ALTER TABLE "incident" ADD COLUMN     "review_required" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "content_version" (
    "id" SERIAL NOT NULL,
    "incident_id" INTEGER NOT NULL,
    "category_id" INTEGER,
    "version" INTEGER,
    "status" "content_status" NOT NULL,
    "body" JSONB NOT NULL,
    "edited_by" TEXT[],
    "editor_email" TEXT NOT NULL,
    "restored_from" INTEGER,
    "published_by" TEXT,
    "published_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "content_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "content_version_incident_id_category_id_status_idx" ON "content_version"("incident_id", "category_id", "status");

-- CreateIndex
CREATE INDEX "content_version_category_id_status_idx" ON "content_version"("category_id", "status");

-- AddForeignKey
ALTER TABLE "content_version" ADD CONSTRAINT "content_version_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "content_version" ADD CONSTRAINT "content_version_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing text becomes the published English version 1 of each incident and group
-- (the body shape is lib/incidents/content.ts's).
INSERT INTO "content_version" ("incident_id", "category_id", "version", "status", "body", "edited_by", "editor_email", "published_by", "published_at", "updated_at")
SELECT "id", NULL, 1, 'published',
       jsonb_build_object(
         'disclosedAt', to_char("disclosed_at", 'YYYY-MM-DD'),
         'text', jsonb_build_object('en', jsonb_build_object('title', "title", 'summary', "summary"))),
       '{}', 'migration', 'migration', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "incident";

INSERT INTO "content_version" ("incident_id", "category_id", "version", "status", "body", "edited_by", "editor_email", "published_by", "published_at", "updated_at")
SELECT "incident_id", "id", 1, 'published',
       jsonb_build_object(
         'sortOrder', "sort_order",
         'text', jsonb_build_object('en', jsonb_build_object(
           'name', "name",
           'dataExposed', to_jsonb(coalesce("data_exposed", '{}')),
           'remediation', to_jsonb(coalesce("remediation", '{}'))))),
       '{}', 'migration', 'migration', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "category";
