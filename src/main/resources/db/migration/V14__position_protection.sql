-- The OCA group of the orders that protect a position at the broker (a resting stop, and a
-- take-profit with it): p-<position>-<generation>. A change of the rules or of the quantity
-- replaces the group with the next generation.
ALTER TABLE positions ADD COLUMN protection VARCHAR(64);
