-- What each instrument that expired or awaits an outcome settled at, one row per instrument. A row
-- is AWAITING while no source can tell (reason says why, or what went wrong the last time it was
-- asked) and RESOLVED once one did; a resolved row never changes its value. The symbol is the
-- instrument's, by value: the instruments table belongs to another component.
CREATE TABLE resolutions (
    id                BIGSERIAL      PRIMARY KEY,
    symbol            VARCHAR(32)    NOT NULL UNIQUE,
    state             VARCHAR(8)     NOT NULL CHECK (state IN ('AWAITING', 'RESOLVED')),
    settlement_price  NUMERIC(19, 8) CHECK (settlement_price >= 0),
    outcome           VARCHAR(3)     CHECK (outcome IN ('YES', 'NO')),
    source            VARCHAR(16),
    basis             VARCHAR(500),
    resolved_at       TIMESTAMPTZ,
    positions_settled INTEGER        NOT NULL DEFAULT 0 CHECK (positions_settled >= 0),
    last_checked_at   TIMESTAMPTZ,
    reason            VARCHAR(500),
    created_at        TIMESTAMPTZ    NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL,
    version           INTEGER        NOT NULL DEFAULT 0,
    CHECK (state = 'AWAITING' OR (settlement_price IS NOT NULL AND source IS NOT NULL
                                  AND basis IS NOT NULL AND resolved_at IS NOT NULL)),
    CHECK (outcome IS NULL OR settlement_price = CASE outcome WHEN 'YES' THEN 1 ELSE 0 END)
);
