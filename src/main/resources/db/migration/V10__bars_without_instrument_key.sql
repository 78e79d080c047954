-- The bars' foreign key to instruments checked every row written, a third of the cost of storing a
-- window. The bar store checks the instrument once per window instead and holds its row until the
-- window commits; instruments are never deleted.

ALTER TABLE bars DROP CONSTRAINT bars_instrument_id_fkey;
