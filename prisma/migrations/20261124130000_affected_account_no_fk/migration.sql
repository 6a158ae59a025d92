-- DropForeignKey
ALTER TABLE "affected_account" DROP CONSTRAINT "affected_account_batch_id_fkey";
-- DropForeignKey
ALTER TABLE "affected_account" DROP CONSTRAINT "affected_account_category_id_fkey";
