-- The customers summary's channels and repeat rate (lib/customers/summary.ts) read only purchases and
-- accounts: an index-only scan instead of a scan of the wide customer rows (score_inputs, agg).
CREATE INDEX "customers_purchases_accounts_idx" ON "customers"("purchases", "accounts");
