-- A position may belong to a book: an opaque label set by whoever opened it, so that a component
-- that opens positions for someone (copy trading, for the trader a position was copied from) can
-- find and sum its own without trading knowing what the label means. Positions opened from the
-- admin, by a plain order or adopted belong to no book. A copied position's origin is COPY.

ALTER TABLE positions ADD COLUMN book VARCHAR(64);

ALTER TABLE positions DROP CONSTRAINT positions_origin_check;
ALTER TABLE positions ADD CONSTRAINT positions_origin_check
    CHECK (origin IN ('ADMIN', 'ORDER', 'ADOPTED', 'COPY'));

CREATE INDEX positions_book ON positions (book, symbol, id) WHERE book IS NOT NULL;
