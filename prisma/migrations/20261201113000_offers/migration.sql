-- AlterTable
ALTER TABLE "emag_products" ADD COLUMN     "handling_time" INTEGER,
ADD COLUMN     "offer_guard" JSONB;

-- CreateTable
CREATE TABLE "offer_jobs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "spec" JSONB NOT NULL DEFAULT '{}',
    "total" INTEGER NOT NULL DEFAULT 0,
    "applied" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "batches" INTEGER NOT NULL DEFAULT 0,
    "batches_done" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" UUID,
    "triggered_by" TEXT NOT NULL DEFAULT 'user',
    "parent_job_id" UUID,
    "idempotency_key" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "cancel_requested_at" TIMESTAMPTZ(3),

    CONSTRAINT "offer_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offer_job_items" (
    "id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "account" "AccountKind" NOT NULL,
    "emag_offer_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "batch" INTEGER NOT NULL,
    "route" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "changes" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "message" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "offer_job_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory_settings" (
    "account" "AccountKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "default_buffer" INTEGER NOT NULL DEFAULT 0,
    "auto_toggle" BOOLEAN NOT NULL DEFAULT false,
    "low_stock_threshold" INTEGER NOT NULL DEFAULT 20,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inventory_settings_pkey" PRIMARY KEY ("account")
);

-- CreateTable
CREATE TABLE "inventory_items" (
    "product_id" UUID NOT NULL,
    "account" "AccountKind" NOT NULL,
    "emag_offer_id" TEXT NOT NULL,
    "available" INTEGER NOT NULL,
    "buffer" INTEGER,
    "low_stock_threshold" INTEGER,
    "pushed_stock" INTEGER,
    "pushed_at" TIMESTAMPTZ(3),
    "auto_disabled" BOOLEAN NOT NULL DEFAULT false,
    "dirty_at" TIMESTAMPTZ(3),
    "low_stock_notified_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inventory_items_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "inventory_reservations" (
    "account" "AccountKind" NOT NULL,
    "emag_order_id" BIGINT NOT NULL,
    "line_id" BIGINT NOT NULL,
    "product_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reserved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),
    "release_reason" TEXT,

    CONSTRAINT "inventory_reservations_pkey" PRIMARY KEY ("account","emag_order_id","line_id")
);

-- CreateTable
CREATE TABLE "repricer_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "account" "AccountKind" NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "strategy" TEXT NOT NULL,
    "step" DECIMAL(14,4) NOT NULL DEFAULT 0.01,
    "floor" DECIMAL(14,4),
    "ceiling" DECIMAL(14,4),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_run_at" TIMESTAMPTZ(3),

    CONSTRAINT "repricer_rules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "offer_jobs_idempotency_key_key" ON "offer_jobs"("idempotency_key");

-- CreateIndex
CREATE INDEX "offer_jobs_created_at_idx" ON "offer_jobs"("created_at" DESC);

-- CreateIndex
CREATE INDEX "offer_jobs_status_idx" ON "offer_jobs"("status");

-- CreateIndex
CREATE INDEX "offer_job_items_job_id_batch_idx" ON "offer_job_items"("job_id", "batch");

-- CreateIndex
CREATE INDEX "offer_job_items_job_id_status_idx" ON "offer_job_items"("job_id", "status");

-- CreateIndex
CREATE INDEX "offer_job_items_product_id_decided_at_idx" ON "offer_job_items"("product_id", "decided_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "offer_job_items_job_id_product_id_key" ON "offer_job_items"("job_id", "product_id");

-- CreateIndex
CREATE INDEX "inventory_items_dirty_at_idx" ON "inventory_items"("dirty_at");

-- CreateIndex
CREATE UNIQUE INDEX "inventory_items_account_emag_offer_id_key" ON "inventory_items"("account", "emag_offer_id");

-- CreateIndex
CREATE INDEX "inventory_reservations_product_id_idx" ON "inventory_reservations"("product_id");

-- CreateIndex
CREATE INDEX "repricer_rules_account_enabled_idx" ON "repricer_rules"("account", "enabled");

-- AddForeignKey
ALTER TABLE "offer_job_items" ADD CONSTRAINT "offer_job_items_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "offer_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing rows learn their handling time from the stored raw item (an unchanged offer is not rewritten by a sync).
UPDATE "emag_products" p SET "handling_time" = (r.raw->'handling_time'->0->>'value')::int
FROM "emag_product_raw" r WHERE r.product_id = p.id AND r.raw ? 'handling_time';
