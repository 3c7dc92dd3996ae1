-- One row, bumped under the customer lock by every transaction that changes customers or their keys:
-- an order page placed without the lock compares it to see whether anything changed since.
CREATE TABLE "customer_upkeep_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "v" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "customer_upkeep_version_pkey" PRIMARY KEY ("id")
);

INSERT INTO "customer_upkeep_version" ("id", "v") VALUES (1, 0);
