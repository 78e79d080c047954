-- Bar sizes are written the way the API and the pages write them (1s … 1m … 1h … 1d 1w 1M); IB's
-- own spellings ('1 min', '2 hours') are the IBKR adapter's business, not the store's.

ALTER TABLE bars DROP CONSTRAINT bars_bar_size_check;

UPDATE bars SET bar_size = CASE bar_size
    WHEN '1 secs' THEN '1s' WHEN '5 secs' THEN '5s' WHEN '10 secs' THEN '10s'
    WHEN '15 secs' THEN '15s' WHEN '30 secs' THEN '30s'
    WHEN '1 min' THEN '1m' WHEN '2 mins' THEN '2m' WHEN '3 mins' THEN '3m' WHEN '5 mins' THEN '5m'
    WHEN '10 mins' THEN '10m' WHEN '15 mins' THEN '15m' WHEN '20 mins' THEN '20m' WHEN '30 mins' THEN '30m'
    WHEN '1 hour' THEN '1h' WHEN '2 hours' THEN '2h' WHEN '3 hours' THEN '3h' WHEN '4 hours' THEN '4h'
    WHEN '8 hours' THEN '8h'
    WHEN '1 day' THEN '1d' WHEN '1 week' THEN '1w' WHEN '1 month' THEN '1M'
END;

ALTER TABLE bars ADD CONSTRAINT bars_bar_size_check CHECK (bar_size IN (
    '1s', '5s', '10s', '15s', '30s', '1m', '2m', '3m', '5m', '10m', '15m', '20m', '30m',
    '1h', '2h', '3h', '4h', '8h', '1d', '1w', '1M'));
