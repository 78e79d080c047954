-- Uploaded CSV files of bars, kept whole so that a collection reading one survives a restart: the
-- job reads the file again from here, not from the request that brought it. The first and last
-- bar are found when the file is stored, so a page can show the range without reading it again.
-- The cleanup timer deletes old uploads by uploaded_at.

CREATE TABLE csv_uploads (
    id          BIGSERIAL    PRIMARY KEY,
    file_name   VARCHAR(255) NOT NULL,
    symbol      VARCHAR(32)  NOT NULL,
    bar_size    VARCHAR(16)  NOT NULL CHECK (bar_size IN (
                    '1s', '5s', '10s', '15s', '30s', '1m', '2m', '3m', '5m', '10m', '15m', '20m', '30m',
                    '1h', '2h', '3h', '4h', '8h', '1d', '1w', '1M')),
    time_zone   VARCHAR(64)  NOT NULL,
    uploaded_by VARCHAR(160) NOT NULL,
    uploaded_at TIMESTAMPTZ  NOT NULL,
    content     BYTEA        NOT NULL,
    size        BIGINT       NOT NULL CHECK (size > 0),
    line_count  INTEGER      NOT NULL CHECK (line_count >= 0),
    first_bar   TIMESTAMPTZ,
    last_bar    TIMESTAMPTZ,
    CHECK (first_bar IS NULL OR last_bar >= first_bar)
);

CREATE INDEX csv_uploads_uploaded_at ON csv_uploads (uploaded_at);
