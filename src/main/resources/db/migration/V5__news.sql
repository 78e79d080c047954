-- News from the market-data sources (IBKR's news bulletins first). A source may send an item
-- again (TWS repeats the day's bulletins after every reconnect): one row per source and id.

CREATE TABLE news (
    id              BIGSERIAL    PRIMARY KEY,
    source          VARCHAR(16)  NOT NULL,
    source_id       VARCHAR(64)  NOT NULL,
    type            VARCHAR(32)  NOT NULL CHECK (type IN ('REGULAR', 'EXCHANGE_UNAVAILABLE', 'EXCHANGE_AVAILABLE')),
    headline        VARCHAR(300) NOT NULL,
    body            TEXT,
    origin_exchange VARCHAR(32),
    symbol          VARCHAR(32),
    received_at     TIMESTAMPTZ  NOT NULL,
    UNIQUE (source, source_id)
);

CREATE INDEX news_recent ON news (received_at DESC, id DESC);
-- For the news:<SYM> stream of the live-data issue.
CREATE INDEX news_by_symbol ON news (symbol, received_at DESC) WHERE symbol IS NOT NULL;
