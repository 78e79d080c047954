-- History's stored bars. A bar is keyed by instrument, bar size, series and start time: storing it
-- again overwrites it (the history component upserts), so fetching a window twice is harmless.
-- Series of one instrument and size (TRADES, MIDPOINT, BID, ASK, BID_ASK) are separate series, so
-- what_to_show is part of the key. Volume, WAP and bar count are NULL where IB has none.

CREATE TABLE bars (
    instrument_id BIGINT         NOT NULL REFERENCES instruments (id),
    bar_size      VARCHAR(16)    NOT NULL CHECK (bar_size IN ('1 secs', '5 secs', '10 secs', '15 secs', '30 secs',
                                     '1 min', '2 mins', '3 mins', '5 mins', '10 mins', '15 mins', '20 mins', '30 mins',
                                     '1 hour', '2 hours', '3 hours', '4 hours', '8 hours',
                                     '1 day', '1 week', '1 month')),
    what_to_show  VARCHAR(16)    NOT NULL CHECK (what_to_show IN ('TRADES', 'MIDPOINT', 'BID', 'ASK', 'BID_ASK')),
    start_time    TIMESTAMPTZ    NOT NULL,
    open          NUMERIC(19, 8) NOT NULL,
    high          NUMERIC(19, 8) NOT NULL,
    low           NUMERIC(19, 8) NOT NULL,
    close         NUMERIC(19, 8) NOT NULL,
    volume        NUMERIC(28, 8) CHECK (volume >= 0),
    wap           NUMERIC(19, 8) CHECK (wap >= 0),
    bar_count     INTEGER        CHECK (bar_count >= 0),
    source        VARCHAR(16)    NOT NULL,
    fetched_at    TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (instrument_id, bar_size, what_to_show, start_time),
    CHECK (low >= 0 AND low <= high AND open BETWEEN low AND high AND close BETWEEN low AND high)
);
