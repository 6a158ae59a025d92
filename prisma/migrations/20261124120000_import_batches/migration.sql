-- AlterEnum
ALTER TYPE "batch_status" ADD VALUE 'undone';
-- AlterTable
ALTER TABLE "import_batch" ADD COLUMN     "bytes_read" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "bytes_total" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "category_id" INTEGER,
ADD COLUMN     "created_by" TEXT,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "heartbeat_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "incident_id" INTEGER,
ADD COLUMN     "key_version" SMALLINT NOT NULL DEFAULT 1,
ADD COLUMN     "phase" TEXT NOT NULL DEFAULT 'reading';
-- CreateTable
CREATE TABLE "import_rejection" (
    "id" BIGSERIAL NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "sealed_value" BYTEA,
    CONSTRAINT "import_rejection_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "import_rejection_batch_id_line_idx" ON "import_rejection"("batch_id", "line");
-- AddForeignKey
ALTER TABLE "import_rejection" ADD CONSTRAINT "import_rejection_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
