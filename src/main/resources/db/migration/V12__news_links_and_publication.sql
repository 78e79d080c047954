-- News posted by other feeds through POST /api/v1/news: a link to the full story, and when its
-- provider published it, which may be well before Tickerdesk received it. A bulletin from a
-- source that gives no time was published when it was received.

ALTER TABLE news ADD COLUMN url VARCHAR(2048);
ALTER TABLE news ADD COLUMN published_at TIMESTAMPTZ;
UPDATE news SET published_at = received_at;
ALTER TABLE news ALTER COLUMN published_at SET NOT NULL;
