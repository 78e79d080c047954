-- Followed traders (copy trading): who is followed, through which feed, and every setting that
-- decides how their trades are copied. Every edit is committed here before the API or the page
-- answers; the watched-traders cache (JCache) is only a copy, invalidated after each commit and
-- rebuilt from this table every minute. Exit rules are stored as the JSON the REST API speaks, as
-- positions store theirs. Symbols allowed and denied are comma-separated (a symbol has no comma).

CREATE TABLE traders (
    id                           BIGSERIAL      PRIMARY KEY,
    name                         VARCHAR(100)   NOT NULL UNIQUE,
    feed                         VARCHAR(16)    NOT NULL CHECK (feed IN ('webhook', 'ibkr', 'simulated')),
    enabled                      BOOLEAN        NOT NULL,
    paper                        BOOLEAN        NOT NULL,
    allocation                   NUMERIC(19, 8) NOT NULL CHECK (allocation > 0),
    sizing_mode                  VARCHAR(8)     NOT NULL CHECK (sizing_mode IN ('FIXED', 'RATIO', 'SHARE')),
    sizing_amount                NUMERIC(19, 8) CHECK (sizing_amount > 0),
    sizing_ratio                 NUMERIC(19, 8) CHECK (sizing_ratio > 0),
    cap_per_trade                NUMERIC(19, 8) CHECK (cap_per_trade > 0),
    cap_total_exposure           NUMERIC(19, 8) CHECK (cap_total_exposure > 0),
    cap_open_positions           INTEGER        CHECK (cap_open_positions > 0),
    allowed_symbols              TEXT           NOT NULL DEFAULT '',
    denied_symbols               TEXT           NOT NULL DEFAULT '',
    min_trade_size               NUMERIC(19, 8) CHECK (min_trade_size >= 0),
    max_trade_size               NUMERIC(19, 8) CHECK (max_trade_size > 0),
    max_delay_seconds            BIGINT         CHECK (max_delay_seconds > 0),
    max_price_deviation_percent  NUMERIC(19, 8) CHECK (max_price_deviation_percent > 0),
    copy_exits                   BOOLEAN        NOT NULL,
    copy_stop_loss_percent       NUMERIC(19, 8) CHECK (copy_stop_loss_percent > 0
                                     AND copy_stop_loss_percent <= 100),
    rules                        TEXT           NOT NULL,
    webhook_secret               VARCHAR(64)    NOT NULL,
    created_at                   TIMESTAMPTZ    NOT NULL,
    updated_at                   TIMESTAMPTZ    NOT NULL,
    version                      BIGINT         NOT NULL DEFAULT 0,
    CHECK ((sizing_mode = 'FIXED') = (sizing_amount IS NOT NULL)),
    CHECK ((sizing_mode = 'RATIO') = (sizing_ratio IS NOT NULL))
);
