-- emag_orders.customer_input is NULL unless the customer upkeep wrote it: the upkeep (order pages,
-- recomputes, the rebuild; lib/customers) writes each order's inputs exactly as ORDER_TUPLE gives
-- them and marks its transaction with magflow.customer_upkeep = on. Any other write of a column the
-- inputs come from (an order action's local status change, a manual fix) clears them, so a stored
-- value can be trusted and a NULL means "compute from the row".
CREATE FUNCTION emag_orders_clear_customer_input() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.customer_input := NULL;
  RETURN NEW;
END
$$;

CREATE TRIGGER emag_orders_customer_input_guard
  BEFORE INSERT OR UPDATE OF account, emag_order_id, emag_created_at, first_seen_at, identity_created_at, status, total, currency,
    payment_mode_id, shipping_address, billing_address, awb_number, finalized_at, cancellation_reason, buyer, refunded_amount, raw,
    customer_input
  ON emag_orders FOR EACH ROW
  WHEN (current_setting('magflow.customer_upkeep', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION emag_orders_clear_customer_input();


-- Inputs stored before this guard may be stale (an action changed the row after the upkeep wrote them):
-- cleared where they differ from the row, so every stored value holds from here on.
UPDATE emag_orders o SET customer_input = NULL
WHERE o.customer_input IS NOT NULL
  AND o.customer_input IS DISTINCT FROM (SELECT jsonb_build_array(o.account, o.emag_order_id::text,
  (extract(epoch FROM COALESCE(o.emag_created_at, o.first_seen_at)) * 1000)::bigint,
  (extract(epoch FROM COALESCE(o.identity_created_at, o.emag_created_at, o.first_seen_at)) * 1000)::bigint, o.status, o.total::text, o.currency,
  o.payment_mode_id, COALESCE(o.shipping_address->>'city', o.billing_address->>'city'),
  (o.awb_number IS NOT NULL OR o.finalized_at IS NOT NULL),
  CASE WHEN o.cancellation_reason->>'id' ~ '^-?\d{1,9}$' THEN (o.cancellation_reason->>'id')::int END,
  CASE WHEN o.buyer IS NOT NULL THEN o.refunded_amount::text ELSE o.raw->>'refunded_amount' END, jsonb_build_array(x.b->'id', x.b->'email', x.b->'phone_1', x.b->'phone_2', x.b->'phone_3', x.b->'billing_phone', x.b->'name', x.b->'billing_name', x.b->'legal_entity', x.b->'code', x.b->'company', x.b->'registration_number', x.b->'is_vat_payer')) FROM (SELECT COALESCE(o.buyer, (SELECT jsonb_build_object('id', x.c->'id', 'email', x.c->'email', 'phone_1', x.c->'phone_1', 'phone_2', x.c->'phone_2', 'phone_3', x.c->'phone_3', 'billing_phone', x.c->'billing_phone', 'name', x.c->'name', 'billing_name', x.c->'billing_name', 'legal_entity', x.c->'legal_entity', 'code', x.c->'code', 'company', x.c->'company', 'registration_number', x.c->'registration_number', 'is_vat_payer', x.c->'is_vat_payer') FROM (SELECT o.raw->'customer' AS c OFFSET 0) x)) AS b OFFSET 0) x);
