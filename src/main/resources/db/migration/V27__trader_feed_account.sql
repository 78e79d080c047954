-- The leader's account for a trader whose feed is ibkr: the IB account code (U1234567) whose
-- executions the connected TWS reports and the trader's trades are taken from. Only an ibkr trader
-- has one, and it may have none yet (then nothing is taken for it).

ALTER TABLE traders ADD COLUMN feed_account VARCHAR(32)
    CHECK (feed_account IS NULL OR (feed = 'ibkr' AND feed_account ~ '^[A-Z0-9]{2,32}$'));
