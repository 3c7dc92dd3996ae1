-- AlterTable
ALTER TABLE "emag_accounts" ADD COLUMN     "callback_token" TEXT;

-- CreateTable
CREATE TABLE "emag_orders" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account" "AccountKind" NOT NULL,
    "emag_order_id" BIGINT NOT NULL,
    "type" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "customer_emag_id" BIGINT,
    "customer_name" TEXT,
    "customer_email" TEXT,
    "customer_phone" TEXT,
    "customer_company" TEXT,
    "shipping_address" JSONB,
    "billing_address" JSONB,
    "payment_mode" TEXT,
    "payment_mode_id" INTEGER,
    "payment_status" INTEGER,
    "delivery_mode" TEXT,
    "locker_id" TEXT,
    "locker_name" TEXT,
    "total" DECIMAL(14,4) NOT NULL,
    "shipping_tax" DECIMAL(14,4),
    "currency" TEXT,
    "vouchers" JSONB NOT NULL DEFAULT '[]',
    "line_count" INTEGER NOT NULL DEFAULT 0,
    "awb_number" TEXT,
    "courier_name" TEXT,
    "awb" JSONB,
    "awb_requested_at" TIMESTAMPTZ(3),
    "invoice_url" TEXT,
    "invoice_attached_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "finalized_at" TIMESTAMPTZ(3),
    "cancellation_reason" JSONB,
    "observation" TEXT,
    "emag_created_at" TIMESTAMPTZ(3),
    "emag_modified_at" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "timeline" JSONB NOT NULL DEFAULT '[]',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "emag_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "emag_order_lines" (
    "order_id" UUID NOT NULL,
    "line_id" BIGINT NOT NULL,
    "account" "AccountKind" NOT NULL,
    "emag_order_id" BIGINT NOT NULL,
    "product_id" TEXT,
    "part_number" TEXT,
    "part_number_key" TEXT,
    "name" TEXT,
    "quantity" INTEGER NOT NULL,
    "sale_price" DECIMAL(14,4) NOT NULL,
    "vat_rate" DECIMAL(6,4),
    "status" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "emag_order_lines_pkey" PRIMARY KEY ("order_id","line_id")
);

-- CreateTable
CREATE TABLE "order_invoice_files" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "order_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_invoice_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "emag_orders_emag_order_id_idx" ON "emag_orders"("emag_order_id");

-- CreateIndex
CREATE INDEX "emag_orders_status_account_idx" ON "emag_orders"("status", "account");

-- CreateIndex
CREATE INDEX "emag_orders_emag_created_at_idx" ON "emag_orders"("emag_created_at");

-- CreateIndex
CREATE INDEX "emag_orders_customer_phone_idx" ON "emag_orders"("customer_phone");

-- CreateIndex
CREATE INDEX "emag_orders_customer_name_trgm_idx" ON "emag_orders" USING GIN ("customer_name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "emag_orders_account_emag_order_id_key" ON "emag_orders"("account", "emag_order_id");

-- CreateIndex
CREATE INDEX "emag_order_lines_account_product_id_idx" ON "emag_order_lines"("account", "product_id");

-- CreateIndex
CREATE INDEX "emag_order_lines_part_number_key_idx" ON "emag_order_lines"("part_number_key");

-- CreateIndex
CREATE UNIQUE INDEX "order_invoice_files_token_hash_key" ON "order_invoice_files"("token_hash");

-- CreateIndex
CREATE INDEX "order_invoice_files_order_id_idx" ON "order_invoice_files"("order_id");

-- AddForeignKey
ALTER TABLE "emag_order_lines" ADD CONSTRAINT "emag_order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "emag_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_invoice_files" ADD CONSTRAINT "order_invoice_files_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "emag_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

