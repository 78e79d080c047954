-- What the broker (IBKR) knows of an instrument once it has been looked up there: its contract id,
-- multiplier, full name, and its trading and liquid hours in the exchange's time zone, as IB writes
-- them ("20251121:0930-20251121:1600;20251122:CLOSED"). All null until the first lookup.

ALTER TABLE instruments
    ADD COLUMN conid         INTEGER        CHECK (conid > 0),
    ADD COLUMN multiplier    NUMERIC(19, 8) CHECK (multiplier > 0),
    ADD COLUMN long_name     VARCHAR(200),
    ADD COLUMN time_zone     VARCHAR(64),
    ADD COLUMN trading_hours TEXT,
    ADD COLUMN liquid_hours  TEXT,
    ADD COLUMN resolved_at   TIMESTAMPTZ,
    ADD CONSTRAINT instruments_resolved_with_conid CHECK ((conid IS NULL) = (resolved_at IS NULL));

-- One instrument per broker contract; instruments never looked up have none.
CREATE UNIQUE INDEX instruments_conid ON instruments (conid) WHERE conid IS NOT NULL;
