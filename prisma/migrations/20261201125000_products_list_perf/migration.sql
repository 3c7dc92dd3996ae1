-- Product list search: the trigram indexes on name and part number also hold account and status
-- (btree_gin), so a searched page reads from the heap only the offers of the requested account
-- (and status, when the view asks for active ones) instead of every offer whose name matches:
-- about half the heap pages for the usual MAIN + active view. The same indexes serve the word
-- match (pg_trgm's <% operator) used for searches shorter than three characters, where a plain
-- trigram LIKE cannot use the index at all. A query without account or status still uses them
-- (GIN reads only the columns it has conditions for).
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- DropIndex
DROP INDEX IF EXISTS "emag_products_name_trgm_idx";

-- DropIndex
DROP INDEX IF EXISTS "emag_products_part_number_trgm_idx";

-- CreateIndex
CREATE INDEX "emag_products_search_name_trgm_idx" ON "emag_products" USING GIN ("account" enum_ops, "status" int4_ops, "name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "emag_products_search_part_number_trgm_idx" ON "emag_products" USING GIN ("account" enum_ops, "status" int4_ops, "part_number" gin_trgm_ops);
