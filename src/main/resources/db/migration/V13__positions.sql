-- Positions and their exits. A position is one entry with its own exit rules (stored as the JSON
-- the REST API speaks); several may be open in one instrument. Quantity is signed: negative for a
-- short. The exit engine keeps price and P&L in memory and writes them here behind, so
-- current_price, unrealized_pnl and best_price may lag the market by a few seconds.

CREATE TABLE positions (
    id                BIGSERIAL      PRIMARY KEY,
    symbol            VARCHAR(32)    NOT NULL,
    account           VARCHAR(32)    NOT NULL,
    broker            VARCHAR(16)    NOT NULL,
    origin            VARCHAR(8)     NOT NULL CHECK (origin IN ('ADMIN', 'ORDER', 'ADOPTED')),
    state             VARCHAR(9)     NOT NULL CHECK (state IN ('PENDING', 'OPEN', 'CLOSING', 'CLOSED',
                                         'SETTLED', 'CANCELLED')),
    side              VARCHAR(4)     NOT NULL CHECK (side IN ('BUY', 'SELL')),
    entry_order_id    VARCHAR(64)    UNIQUE,
    ordered_quantity  NUMERIC(19, 8) NOT NULL CHECK (ordered_quantity > 0),
    quantity          NUMERIC(19, 8) NOT NULL,
    entered_quantity  NUMERIC(19, 8) NOT NULL DEFAULT 0 CHECK (entered_quantity >= 0),
    average_price     NUMERIC(19, 8),
    realized_pnl      NUMERIC(19, 8) NOT NULL DEFAULT 0,
    fees              NUMERIC(19, 8) NOT NULL DEFAULT 0,
    current_price     NUMERIC(19, 8),
    unrealized_pnl    NUMERIC(19, 8),
    best_price        NUMERIC(19, 8),
    rules             TEXT           NOT NULL,
    reason            VARCHAR(500),
    opened_at         TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    created_at        TIMESTAMPTZ    NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL,
    version           INTEGER        NOT NULL DEFAULT 0,
    CHECK ((side = 'BUY' AND quantity >= 0) OR (side = 'SELL' AND quantity <= 0))
);

-- The engine loads every position it guards at start-up, and the REST API lists by state.
CREATE INDEX positions_state ON positions (state, id);
CREATE INDEX positions_symbol_live ON positions (symbol) WHERE state IN ('PENDING', 'OPEN', 'CLOSING');

-- One row per rule that fired on a position. The unique (position, rule) is what makes a second
-- exit for the same rule impossible, even for two engines at once; a failed exit order is retried
-- in the same row under a new attempt number and client order id.
CREATE TABLE position_exits (
    id                BIGSERIAL      PRIMARY KEY,
    position_id       BIGINT         NOT NULL REFERENCES positions (id),
    rule              VARCHAR(24)    NOT NULL,
    attempt           INTEGER        NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    client_order_id   VARCHAR(64)    NOT NULL UNIQUE,
    closes_all        BOOLEAN        NOT NULL,
    quantity          NUMERIC(19, 8) NOT NULL CHECK (quantity > 0),
    filled_quantity   NUMERIC(19, 8) NOT NULL DEFAULT 0,
    state             VARCHAR(8)     NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FILLED', 'FAILED',
                                         'STOOD_DOWN')),
    order_type        VARCHAR(8)     NOT NULL,
    limit_price       NUMERIC(19, 8),
    trigger_level     NUMERIC(19, 8),
    trigger_price     NUMERIC(19, 8),
    tick_at           TIMESTAMPTZ,
    triggered_at      TIMESTAMPTZ    NOT NULL,
    sent_at           TIMESTAMPTZ,
    tick_to_order_us  BIGINT,
    fill_price        NUMERIC(19, 8),
    slippage          NUMERIC(19, 8),
    reason            VARCHAR(500),
    UNIQUE (position_id, rule)
);

-- Every execution that changed a position, once per position: one execution may close one
-- position and open another.
CREATE TABLE position_fills (
    exec_id           VARCHAR(64)    NOT NULL,
    position_id       BIGINT         NOT NULL REFERENCES positions (id),
    client_order_id   VARCHAR(64)    NOT NULL,
    quantity          NUMERIC(19, 8) NOT NULL,
    price             NUMERIC(19, 8) NOT NULL,
    fee               NUMERIC(19, 8) NOT NULL DEFAULT 0,
    executed_at       TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (exec_id, position_id)
);

CREATE INDEX position_fills_position ON position_fills (position_id);

-- Exit rules a new position gets when it names none, per account.
CREATE TABLE exit_defaults (
    account           VARCHAR(32)    PRIMARY KEY,
    rules             TEXT           NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL
);

-- An order that protects a position at the broker belongs to an OCA group.
ALTER TABLE orders ADD COLUMN oca_group VARCHAR(64);
