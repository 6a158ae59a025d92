-- AlterTable
ALTER TABLE "phone_check" ADD COLUMN     "limiter_digest" VARCHAR(64);
