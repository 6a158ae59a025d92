-- The owners' overrides of the carrier's public details (/admin/settings, ADR 24).
CREATE TABLE "carrier_setting" (
    "key" VARCHAR(32) NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "carrier_setting_pkey" PRIMARY KEY ("key")
);
