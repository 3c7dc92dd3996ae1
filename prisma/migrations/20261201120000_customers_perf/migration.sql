-- Customer upkeep performance (lib/customers/README.md "The database side"): the aggregate state
-- each customers row is computed from, so an order page adds its new orders to a customer without
-- reading the customer's other orders. NULL (rows written before this) means "recompute from the
-- orders" (the next page that touches the customer, or a rebuild, fills it).
ALTER TABLE "customers" ADD COLUMN     "agg" JSONB;
