-- Product list count: every list counts its matches ({ total }), and a list without a search
-- (the default view: an account, maybe a status, stock or price range) used to count them from the
-- heap, ~50 ms for 50,000 live offers. This btree holds every column such a count filters on, so
-- PostgreSQL counts with an index-only scan instead (~3 ms for the same view in EXPLAIN ANALYZE).
-- Searched lists still count the matches they collect (lib/products/sql.ts).

-- CreateIndex
CREATE INDEX "emag_products_list_count_idx" ON "emag_products"("account", "removed_at", "status", "general_stock", "sale_price", "validation_status");
