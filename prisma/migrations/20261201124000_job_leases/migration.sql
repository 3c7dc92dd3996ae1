-- One row per in-process schedule: the last cron tick an instance claimed (lib/jobs/lease.ts).
-- CreateTable
CREATE TABLE "job_leases" (
    "key" TEXT NOT NULL,
    "tick" TIMESTAMPTZ(3) NOT NULL,
    "holder" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_leases_pkey" PRIMARY KEY ("key")
);

