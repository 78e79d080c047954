-- Every tick the market-data source delivered, as the tick recorder wrote it behind the live path:
-- for backtests and the ticks API. Append-only and kept for a retention, so there is no key: the
-- source may send two ticks of one symbol in the same microsecond. The BRIN index serves the
-- retention's deletes by time at almost no cost on write.

CREATE TABLE ticks (
    instrument_id    BIGINT           NOT NULL,
    ts               TIMESTAMPTZ      NOT NULL,
    bid              DOUBLE PRECISION,
    ask              DOUBLE PRECISION,
    last             DOUBLE PRECISION,
    bid_size         BIGINT           NOT NULL CHECK (bid_size >= 0),
    ask_size         BIGINT           NOT NULL CHECK (ask_size >= 0),
    last_size        BIGINT           NOT NULL CHECK (last_size >= 0),
    volume           BIGINT           NOT NULL CHECK (volume >= 0),
    market_data_type VARCHAR(16)      NOT NULL
);

CREATE INDEX ticks_instrument_ts ON ticks (instrument_id, ts);
CREATE INDEX ticks_ts ON ticks USING brin (ts);
