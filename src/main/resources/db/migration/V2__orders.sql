-- Orders and their fills. An order is stored before it is sent, under Tickerdesk's own client
-- order id, which travels to the broker (IBKR's orderRef) so the order is recognised after a
-- reconnect. A fill's exec id is unique, so an execution the broker reports twice counts once.

CREATE TABLE orders (
    id              BIGSERIAL      PRIMARY KEY,
    client_order_id VARCHAR(64)    NOT NULL UNIQUE,
    broker          VARCHAR(16)    NOT NULL,
    symbol          VARCHAR(32)    NOT NULL,
    side            VARCHAR(4)     NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity        NUMERIC(19, 8) NOT NULL CHECK (quantity > 0),
    order_type      VARCHAR(8)     NOT NULL CHECK (order_type IN ('MKT', 'LMT', 'STP', 'STP_LMT')),
    limit_price     NUMERIC(19, 8) CHECK (limit_price > 0),
    stop_price      NUMERIC(19, 8) CHECK (stop_price > 0),
    tif             VARCHAR(3)     NOT NULL CHECK (tif IN ('DAY', 'GTC')),
    status          VARCHAR(16)    NOT NULL CHECK (status IN ('NEW', 'SUBMITTED', 'PARTIALLY_FILLED',
                                       'PENDING_CANCEL', 'UNKNOWN', 'FILLED', 'CANCELLED', 'REJECTED')),
    broker_order_id VARCHAR(32),
    filled_quantity NUMERIC(19, 8) NOT NULL DEFAULT 0,
    avg_fill_price  NUMERIC(19, 8),
    reason          VARCHAR(500),
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    version         INTEGER        NOT NULL DEFAULT 0,
    CHECK (filled_quantity >= 0 AND filled_quantity <= quantity),
    CHECK ((order_type IN ('LMT', 'STP_LMT')) = (limit_price IS NOT NULL)),
    CHECK ((order_type IN ('STP', 'STP_LMT')) = (stop_price IS NOT NULL))
);

CREATE INDEX orders_recent ON orders (created_at DESC, id DESC);

-- The orders a broker must find again at start-up: few, so a partial index keeps the look-up cheap.
CREATE INDEX orders_working ON orders (broker)
    WHERE status NOT IN ('FILLED', 'CANCELLED', 'REJECTED');

CREATE TABLE fills (
    id                  BIGSERIAL      PRIMARY KEY,
    order_id            BIGINT         NOT NULL REFERENCES orders (id),
    exec_id             VARCHAR(64)    NOT NULL UNIQUE,
    quantity            NUMERIC(19, 8) NOT NULL CHECK (quantity > 0),
    price               NUMERIC(19, 8) NOT NULL,
    commission          NUMERIC(19, 8),
    commission_currency CHAR(3),
    executed_at         TIMESTAMPTZ    NOT NULL
);

CREATE INDEX fills_order ON fills (order_id);
