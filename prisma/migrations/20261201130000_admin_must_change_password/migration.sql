-- A generated one-time password must be changed at first sign-in (issue 12, ADR 20).
ALTER TABLE "admin_user" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
