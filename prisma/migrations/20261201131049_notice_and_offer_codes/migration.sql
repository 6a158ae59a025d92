-- AlterTable
ALTER TABLE "category" ADD COLUMN     "exposes_id_numbers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "offer_enroll_url" TEXT,
ADD COLUMN     "offer_instructions" TEXT,
ADD COLUMN     "offer_months" INTEGER,
ADD COLUMN     "offer_provider" TEXT;

-- AlterTable
ALTER TABLE "incident" ADD COLUMN     "breach_ended_on" DATE,
ADD COLUMN     "breach_started_on" DATE,
ADD COLUMN     "contact_mail" TEXT,
ADD COLUMN     "contact_phone" TEXT,
ADD COLUMN     "contact_url" TEXT,
ADD COLUMN     "discovered_on" DATE,
ADD COLUMN     "notice_delayed_for_law" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notice_on" DATE,
ADD COLUMN     "notice_what_happened" TEXT,
ADD COLUMN     "notice_what_involved" TEXT,
ADD COLUMN     "notice_what_we_are_doing" TEXT,
ADD COLUMN     "notice_what_you_can_do" TEXT;

-- CreateTable
CREATE TABLE "offer_code" (
    "id" BIGSERIAL NOT NULL,
    "category_id" INTEGER NOT NULL,
    "code_digest" BYTEA NOT NULL,
    "sealed_code" BYTEA NOT NULL,
    "seal_version" SMALLINT NOT NULL,
    "assigned_to" BYTEA,
    "assigned_version" SMALLINT,
    "assigned_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "offer_code_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "offer_code_category_id_code_digest_key" ON "offer_code"("category_id", "code_digest");

-- CreateIndex
CREATE UNIQUE INDEX "offer_code_category_id_assigned_to_key" ON "offer_code"("category_id", "assigned_to");

-- AddForeignKey
ALTER TABLE "offer_code" ADD CONSTRAINT "offer_code_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE CASCADE ON UPDATE CASCADE;
