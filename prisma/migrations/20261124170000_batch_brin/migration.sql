-- A batch's rows are written together: a BRIN index finds them for undo at a fraction
-- of a btree's cost on every imported row.
-- DropIndex
DROP INDEX "affected_account_batch_id_idx";

-- CreateIndex
CREATE INDEX "affected_account_batch_id_idx" ON "affected_account" USING BRIN ("batch_id");
