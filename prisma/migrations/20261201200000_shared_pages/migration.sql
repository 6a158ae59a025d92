-- CreateTable
CREATE TABLE "shared_page" (
    "key" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "body" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shared_page_pkey" PRIMARY KEY ("key")
);

