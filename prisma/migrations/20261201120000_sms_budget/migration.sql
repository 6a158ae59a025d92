-- CreateTable
CREATE TABLE "sms_budget_trip" (
    "hour" TIMESTAMP(3) NOT NULL,
    "scope" VARCHAR(16) NOT NULL,
    "tripped_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sms_budget_trip_pkey" PRIMARY KEY ("hour","scope")
);

-- CreateTable
CREATE TABLE "sms_pause" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "paused_at" TIMESTAMP(3) NOT NULL,
    "paused_by" TEXT,

    CONSTRAINT "sms_pause_pkey" PRIMARY KEY ("id")
);
