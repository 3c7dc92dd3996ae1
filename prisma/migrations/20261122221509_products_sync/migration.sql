-- pg_trgm backs the trigram (GIN) indexes on name and part number used by product search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "sync_logs" ADD COLUMN     "cancel_requested_at" TIMESTAMPTZ(3),
ADD COLUMN     "conflict_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "heartbeat_at" TIMESTAMPTZ(3),
ADD COLUMN     "progress" JSONB;

-- CreateTable
CREATE TABLE "emag_products" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account" "AccountKind" NOT NULL,
    "emag_offer_id" TEXT NOT NULL,
    "part_number" TEXT,
    "part_number_key" TEXT,
    "name" TEXT,
    "brand" TEXT,
    "category_id" INTEGER,
    "sale_price" DECIMAL(14,4),
    "recommended_price" DECIMAL(14,4),
    "min_sale_price" DECIMAL(14,4),
    "max_sale_price" DECIMAL(14,4),
    "currency" TEXT,
    "vat_id" INTEGER,
    "general_stock" INTEGER,
    "estimated_stock" INTEGER,
    "stock" JSONB NOT NULL DEFAULT '[]',
    "status" INTEGER,
    "validation_status" INTEGER,
    "offer_validation_status" INTEGER,
    "number_of_offers" INTEGER,
    "buy_button_rank" INTEGER,
    "best_offer_sale_price" DECIMAL(14,4),
    "best_offer_recommended_price" DECIMAL(14,4),
    "images" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "eans" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "content_hash" TEXT NOT NULL,
    "emag_modified_at" TIMESTAMPTZ(3),
    "local_edits" JSONB NOT NULL DEFAULT '{}',
    "sync_conflict" JSONB,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),
    "last_sync_id" UUID,

    CONSTRAINT "emag_products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "emag_product_raw" (
    "product_id" UUID NOT NULL,
    "raw" JSONB NOT NULL,

    CONSTRAINT "emag_product_raw_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "sync_seen_offers" (
    "sync_id" UUID NOT NULL,
    "account" "AccountKind" NOT NULL,
    "emag_offer_id" TEXT NOT NULL,

    CONSTRAINT "sync_seen_offers_pkey" PRIMARY KEY ("sync_id","account","emag_offer_id")
);

-- CreateIndex
CREATE INDEX "emag_products_account_name_idx" ON "emag_products"("account", "name");

-- CreateIndex
CREATE INDEX "emag_products_brand_idx" ON "emag_products"("brand");

-- CreateIndex
CREATE INDEX "emag_products_part_number_key_idx" ON "emag_products"("part_number_key");

-- CreateIndex
CREATE INDEX "emag_products_name_trgm_idx" ON "emag_products" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "emag_products_part_number_trgm_idx" ON "emag_products" USING GIN ("part_number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "emag_products_eans_idx" ON "emag_products" USING GIN ("eans");

-- CreateIndex
CREATE UNIQUE INDEX "emag_products_account_emag_offer_id_key" ON "emag_products"("account", "emag_offer_id");

-- AddForeignKey
ALTER TABLE "emag_product_raw" ADD CONSTRAINT "emag_product_raw_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "emag_products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

