-- Customer upkeep (lib/customers/upkeep.ts).
-- identity_created_at: the creation time an order's customer id is built from (customerIdFor), set
-- once when the order is first stored and never changed, so a customer's id does not move if eMAG
-- edits a date. buyer / refunded_amount: the few fields of raw that customer metrics read (buyer =
-- the raw.customer fields buyerFromEmagCustomer reads), written with raw by the order upsert, so
-- recomputing a customer never decompresses each order's whole raw document.
ALTER TABLE "emag_orders" ADD COLUMN "identity_created_at" TIMESTAMPTZ(3),
ADD COLUMN "buyer" JSONB,
ADD COLUMN "refunded_amount" DECIMAL(14,4);

UPDATE "emag_orders" SET
  "identity_created_at" = COALESCE("emag_created_at", "first_seen_at"),
  "buyer" = (SELECT jsonb_build_object('id', c->'id', 'email', c->'email', 'phone_1', c->'phone_1', 'phone_2', c->'phone_2',
      'phone_3', c->'phone_3', 'billing_phone', c->'billing_phone', 'name', c->'name', 'billing_name', c->'billing_name',
      'legal_entity', c->'legal_entity', 'code', c->'code', 'company', c->'company', 'registration_number', c->'registration_number',
      'is_vat_payer', c->'is_vat_payer') FROM (SELECT "raw"->'customer' AS c OFFSET 0) x),
  "refunded_amount" = CASE WHEN jsonb_typeof("raw"->'refunded_amount') = 'number' THEN ("raw"->>'refunded_amount')::numeric END;

-- The RFM inputs of a customer: purchases (status 1-4) and the last purchase; monetary is net_spend.
-- canonical_id: the id the customer settles to (its oldest order's customerIdFor). An order page
-- that brings an older order does not rename the customer (that rewrites all its orders, page after
-- page in a backfill); the rename is done once, when the sync ends (refreshRfm).
ALTER TABLE "customers" ADD COLUMN "purchases" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "last_purchase_at" TIMESTAMPTZ(3),
ADD COLUMN "canonical_id" TEXT;

-- An order page writes its orders' customer_id in the order upsert and the customer rows after it
-- (from those orders), so the check waits for the commit in that transaction (SET CONSTRAINTS).
ALTER TABLE "emag_orders" ALTER CONSTRAINT "emag_orders_customer_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
