-- CreateTable
CREATE TABLE "sms_hour_stat" (
    "hour" TIMESTAMP(3) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "verified" INTEGER NOT NULL DEFAULT 0,
    "alerted_at" TIMESTAMP(3),

    CONSTRAINT "sms_hour_stat_pkey" PRIMARY KEY ("hour","prefix")
);
