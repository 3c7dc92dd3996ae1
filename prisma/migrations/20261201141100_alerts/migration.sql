-- Alerts: channels, rule overrides, windows (dedup), delivery attempts, eMAG samples.
-- CreateTable
CREATE TABLE "alert_channels" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rule_settings" (
    "rule_id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "threshold" DOUBLE PRECISION,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rule_settings_pkey" PRIMARY KEY ("rule_id")
);

-- CreateTable
CREATE TABLE "alert_windows" (
    "id" UUID NOT NULL,
    "rule_id" TEXT NOT NULL,
    "subject_key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '[]',
    "first_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliver_after" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "claimed_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "sent_count" INTEGER,

    CONSTRAINT "alert_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL,
    "window_id" UUID NOT NULL,
    "channel_id" UUID,
    "channel_name" TEXT NOT NULL,
    "channel_kind" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_emag_samples" (
    "instance_id" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "rate_limited" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "alert_emag_samples_pkey" PRIMARY KEY ("instance_id","account","minute")
);

-- CreateIndex
CREATE INDEX "alert_windows_first_at_idx" ON "alert_windows"("first_at");

-- CreateIndex
CREATE INDEX "alert_windows_status_deliver_after_idx" ON "alert_windows"("status", "deliver_after");

-- CreateIndex
CREATE UNIQUE INDEX "alert_windows_rule_id_subject_key_window_start_key" ON "alert_windows"("rule_id", "subject_key", "window_start");

-- CreateIndex
CREATE INDEX "alert_deliveries_window_id_channel_id_idx" ON "alert_deliveries"("window_id", "channel_id");

-- CreateIndex
CREATE INDEX "alert_emag_samples_minute_idx" ON "alert_emag_samples"("minute");

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "alert_windows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

