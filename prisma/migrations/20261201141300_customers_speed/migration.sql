-- Customer upkeep speed (lib/customers/README.md "The database side"): each order's metric inputs
-- as its customer's agg holds them, so a re-synced order replaces only its own contribution in
-- customers.agg instead of the customer being recomputed from all its orders. NULL (orders written
-- before this) means "recompute the customer from its orders", which fills it.
ALTER TABLE "emag_orders" ADD COLUMN "customer_input" JSONB;
