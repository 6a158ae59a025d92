-- AlterTable
ALTER TABLE "admin_session" ADD COLUMN     "step_up_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "admin_user" ADD COLUMN     "two_factor_enabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "admin_two_factor" (
    "id" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "backup_codes" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "failed_verification_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "admin_two_factor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_two_factor_user_id_idx" ON "admin_two_factor"("user_id");

-- AddForeignKey
ALTER TABLE "admin_two_factor" ADD CONSTRAINT "admin_two_factor_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "admin_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
