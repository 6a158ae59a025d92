-- AlterTable
ALTER TABLE "admin_user" ADD COLUMN     "disabled_at" TIMESTAMP(3),
ADD COLUMN     "last_sign_in_at" TIMESTAMP(3);
