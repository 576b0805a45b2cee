-- All order replicas share this database. An Idempotency-Key is the client's, so it is unique per
-- customer: two customers may pick the same key, and the same key sent by one customer to two
-- replicas at once places one order (the second insert waits for the first and then collides).
ALTER TABLE orders DROP CONSTRAINT uq_orders_idempotency_key;
ALTER TABLE orders ADD CONSTRAINT uq_orders_customer_idempotency_key UNIQUE (customer_id, idempotency_key);
