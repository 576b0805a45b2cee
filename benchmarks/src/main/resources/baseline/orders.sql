-- The baseline order store: a copy of order-service V1__orders.sql, so both servers write the same rows.
CREATE TABLE IF NOT EXISTS orders (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    customer_id      VARCHAR(100)             NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    currency         VARCHAR(3)               NOT NULL,
    total_cents      BIGINT                   NOT NULL,
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled_at     TIMESTAMP WITH TIME ZONE,
    idempotency_key  VARCHAR(200),
    request_hash     VARCHAR(64),
    CONSTRAINT uq_orders_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT ck_orders_status CHECK (status IN ('PLACED', 'CANCELLED')),
    CONSTRAINT ck_orders_key_has_hash CHECK (idempotency_key IS NULL OR request_hash IS NOT NULL)
);

CREATE INDEX IF NOT EXISTS ix_orders_customer ON orders (customer_id, placed_at);

CREATE TABLE IF NOT EXISTS order_items (
    order_id          VARCHAR(36)  NOT NULL,
    line_no           INTEGER      NOT NULL,
    dish_id           VARCHAR(200) NOT NULL,
    dish_name         VARCHAR(500),
    unit_price_cents  BIGINT       NOT NULL,
    quantity          INTEGER      NOT NULL,
    line_total_cents  BIGINT       NOT NULL,
    dish_version      BIGINT       NOT NULL,
    CONSTRAINT pk_order_items PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_items_order FOREIGN KEY (order_id) REFERENCES orders (id),
    CONSTRAINT ck_order_items_quantity CHECK (quantity BETWEEN 1 AND 100)
);
