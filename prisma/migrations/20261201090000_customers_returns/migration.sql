-- AlterTable
ALTER TABLE "emag_orders" ADD COLUMN     "customer_id" TEXT,
ADD COLUMN     "identity_keys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "emag_returns" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account" "AccountKind" NOT NULL,
    "emag_rma_id" BIGINT NOT NULL,
    "emag_order_id" BIGINT,
    "order_id" UUID,
    "customer_id" TEXT,
    "return_type" INTEGER,
    "return_reason" INTEGER,
    "request_status" INTEGER NOT NULL,
    "is_full_fbe" BOOLEAN NOT NULL DEFAULT false,
    "products" JSONB NOT NULL DEFAULT '[]',
    "refund_value" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "customer_name" TEXT,
    "emag_date" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "emag_returns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'person',
    "name" TEXT,
    "email_hash" TEXT,
    "phone" TEXT,
    "phones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "company_name" TEXT,
    "company_cui" TEXT,
    "company" JSONB,
    "contacts" JSONB NOT NULL DEFAULT '[]',
    "orders_total" INTEGER NOT NULL DEFAULT 0,
    "orders_delivered" INTEGER NOT NULL DEFAULT 0,
    "orders_cancelled" INTEGER NOT NULL DEFAULT 0,
    "orders_returned" INTEGER NOT NULL DEFAULT 0,
    "refused_cod" INTEGER NOT NULL DEFAULT 0,
    "net_spend" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "avg_order_value" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "currency" TEXT,
    "first_order_at" TIMESTAMPTZ(3),
    "last_order_at" TIMESTAMPTZ(3),
    "accounts" JSONB NOT NULL DEFAULT '{}',
    "cities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "preferred_payment_mode_id" INTEGER,
    "tier" TEXT NOT NULL DEFAULT 'bronze',
    "loyalty" INTEGER NOT NULL DEFAULT 0,
    "risk" TEXT NOT NULL DEFAULT 'low',
    "score_inputs" JSONB NOT NULL DEFAULT '{}',
    "rfm_r" INTEGER,
    "rfm_f" INTEGER,
    "rfm_m" INTEGER,
    "rfm_segment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_keys" (
    "key" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,

    CONSTRAINT "customer_keys_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "emag_returns_order_id_idx" ON "emag_returns"("order_id");

-- CreateIndex
CREATE INDEX "emag_returns_customer_id_idx" ON "emag_returns"("customer_id");

-- CreateIndex
CREATE INDEX "emag_returns_account_emag_order_id_idx" ON "emag_returns"("account", "emag_order_id");

-- CreateIndex
CREATE INDEX "emag_returns_emag_date_idx" ON "emag_returns"("emag_date");

-- CreateIndex
CREATE UNIQUE INDEX "emag_returns_account_emag_rma_id_key" ON "emag_returns"("account", "emag_rma_id");

-- CreateIndex
CREATE INDEX "customers_net_spend_id_idx" ON "customers"("net_spend" DESC, "id");

-- CreateIndex
CREATE INDEX "customers_last_order_at_idx" ON "customers"("last_order_at");

-- CreateIndex
CREATE INDEX "customers_tier_idx" ON "customers"("tier");

-- CreateIndex
CREATE INDEX "customers_rfm_segment_net_spend_idx" ON "customers"("rfm_segment", "net_spend" DESC);

-- CreateIndex
CREATE INDEX "customers_risk_idx" ON "customers"("risk");

-- CreateIndex
CREATE INDEX "customers_company_cui_idx" ON "customers"("company_cui");

-- CreateIndex
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "customers_phones_idx" ON "customers" USING GIN ("phones");

-- CreateIndex
CREATE INDEX "customer_keys_customer_id_idx" ON "customer_keys"("customer_id");

-- CreateIndex
CREATE INDEX "emag_orders_customer_id_emag_created_at_idx" ON "emag_orders"("customer_id", "emag_created_at");

-- AddForeignKey
ALTER TABLE "emag_orders" ADD CONSTRAINT "emag_orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "emag_returns" ADD CONSTRAINT "emag_returns_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "emag_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "emag_returns" ADD CONSTRAINT "emag_returns_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_keys" ADD CONSTRAINT "customer_keys_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

