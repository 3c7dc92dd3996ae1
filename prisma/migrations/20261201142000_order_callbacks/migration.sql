-- eMAG's new-order callbacks not yet synced: one queue for every instance (lib/orders/callbacks.ts).
CREATE TABLE "order_callbacks" (
    "account" "AccountKind" NOT NULL,
    "emag_order_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMPTZ(3),

    CONSTRAINT "order_callbacks_pkey" PRIMARY KEY ("account","emag_order_id")
);
