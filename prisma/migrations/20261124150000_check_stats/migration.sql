-- CreateTable
CREATE TABLE "check_stat" (
    "day" DATE NOT NULL,
    "started" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "affected" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "check_stat_pkey" PRIMARY KEY ("day")
);
