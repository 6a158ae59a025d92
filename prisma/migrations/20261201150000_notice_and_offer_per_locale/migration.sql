-- AlterTable
ALTER TABLE "category" ADD COLUMN     "offer_text" JSONB;

-- AlterTable
ALTER TABLE "incident" ADD COLUMN     "notice_text" JSONB;
