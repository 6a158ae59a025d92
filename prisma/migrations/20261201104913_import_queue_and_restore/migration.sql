-- Imports wait their turn on a node (status queued), and an undone batch's rows are held
-- for a restore until IMPORT_RESTORE_WINDOW_HOURS have passed (issue 14, ADR 22).
ALTER TYPE "batch_status" ADD VALUE 'queued';

ALTER TABLE "import_batch" ADD COLUMN     "undone_at" TIMESTAMP(3),
ADD COLUMN     "undone_by" TEXT,
ADD COLUMN     "started_at" TIMESTAMP(3);

CREATE TABLE "undone_account" (
    "batch_id" INTEGER NOT NULL,
    "phone_hash" BYTEA NOT NULL,
    "key_version" SMALLINT NOT NULL,
    "category_id" INTEGER NOT NULL,

    CONSTRAINT "undone_account_pkey" PRIMARY KEY ("batch_id","phone_hash","key_version","category_id")
);
