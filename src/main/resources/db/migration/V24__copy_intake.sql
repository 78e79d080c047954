-- The trade intake of copy trading: every trade a followed trader's feed reports, written here
-- first (RECEIVED), once per trader, feed and the feed's trade id, so a trade delivered twice is one
-- entry and is copied once. Then decided: COPIED (with the order that copies it), SKIPPED (with
-- the reason and a detail in figures), or WAITING (market closed, no quote yet), decided again by
-- the copy-filter task until it is copied, skipped or too old. The times are what the fidelity
-- figures measure: the leader's trade, its arrival, the decision, our order and our fill.

CREATE TABLE copy_intake (
    id                      BIGSERIAL      PRIMARY KEY,
    trader_id               BIGINT         NOT NULL REFERENCES traders (id) ON DELETE CASCADE,
    feed                    VARCHAR(16)    NOT NULL,
    trade_id                VARCHAR(100)   NOT NULL,
    symbol                  VARCHAR(32)    NOT NULL,
    side                    VARCHAR(4)     NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity                NUMERIC(19, 8) NOT NULL CHECK (quantity > 0),
    price                   NUMERIC(19, 8) NOT NULL CHECK (price > 0),
    traded_at               TIMESTAMPTZ    NOT NULL,
    leader_portfolio_value  NUMERIC(19, 8) CHECK (leader_portfolio_value > 0),
    received_at             TIMESTAMPTZ    NOT NULL,
    status                  VARCHAR(8)     NOT NULL CHECK (status IN ('RECEIVED', 'COPIED', 'SKIPPED',
                                               'WAITING')),
    reason                  VARCHAR(32),
    detail                  VARCHAR(1000),
    decided_at              TIMESTAMPTZ,
    copy_side               VARCHAR(4)     CHECK (copy_side IN ('BUY', 'SELL')),
    copy_quantity           NUMERIC(19, 8) CHECK (copy_quantity > 0),
    copy_effect             VARCHAR(8)     CHECK (copy_effect IN ('OPENS', 'REDUCES')),
    copy_price              NUMERIC(19, 8),
    client_order_id         VARCHAR(64),
    ordered_at              TIMESTAMPTZ,
    filled_at               TIMESTAMPTZ,
    fill_price              NUMERIC(19, 8),
    version                 BIGINT         NOT NULL DEFAULT 0,
    UNIQUE (trader_id, feed, trade_id),
    CHECK (status <> 'COPIED' OR client_order_id IS NOT NULL),
    CHECK ((status IN ('SKIPPED', 'WAITING')) = (reason IS NOT NULL)),
    CHECK ((filled_at IS NULL) = (fill_price IS NULL))
);

-- A trader's page lists their newest entries; the leader's holding before a trade sums their
-- earlier trades in the symbol.
CREATE INDEX copy_intake_trader ON copy_intake (trader_id, id);
CREATE INDEX copy_intake_trader_symbol ON copy_intake (trader_id, symbol, traded_at);
-- The copy-filter task reads what is still open: waiting, never decided, or copied but not ordered.
CREATE INDEX copy_intake_open ON copy_intake (id)
    WHERE status IN ('RECEIVED', 'WAITING') OR (status = 'COPIED' AND ordered_at IS NULL);
-- A fill reported later finds its entry by our order's id.
CREATE INDEX copy_intake_order ON copy_intake (client_order_id) WHERE client_order_id IS NOT NULL;
