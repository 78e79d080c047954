-- The notifications outbox. A notification is written in the same transaction as the change it
-- reports, with one delivery per channel its preferences send it to; the dispatcher claims due
-- deliveries (FOR UPDATE SKIP LOCKED, so two dispatchers never take the same one), delivers and
-- records the outcome. A delivery is never given up: a failed one is retried with a growing pause.

CREATE TABLE notifications (
    id          BIGSERIAL     PRIMARY KEY,
    type        VARCHAR(32)   NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    text        VARCHAR(2000) NOT NULL,
    payload     TEXT          NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    read_at     TIMESTAMPTZ
);

CREATE INDEX notifications_newest ON notifications (id DESC);
CREATE INDEX notifications_unread ON notifications (id) WHERE read_at IS NULL;

CREATE TABLE notification_deliveries (
    id               BIGSERIAL     PRIMARY KEY,
    notification_id  BIGINT        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    channel          VARCHAR(16)   NOT NULL,
    state            VARCHAR(8)    NOT NULL CHECK (state IN ('PENDING', 'FAILED', 'SENT')),
    silent           BOOLEAN       NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TIMESTAMPTZ,
    last_error       VARCHAR(1000),
    sent_at          TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ   NOT NULL,
    UNIQUE (notification_id, channel),
    CHECK ((state = 'SENT') = (sent_at IS NOT NULL)),
    CHECK ((state = 'SENT') = (next_attempt_at IS NULL))
);

-- What the dispatcher claims: the deliveries not sent yet, by when they are due.
CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at)
    WHERE state <> 'SENT';

-- An admin's choice per event type and channel; a pair without a row has its default.
CREATE TABLE notification_preferences (
    type        VARCHAR(32)  NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    mode        VARCHAR(8)   NOT NULL CHECK (mode IN ('ON', 'SILENT', 'OFF')),
    updated_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (type, channel)
);

-- How each channel has fared: failing once its deliveries have failed so many times in a row,
-- until the next one succeeds.
CREATE TABLE notification_channels (
    channel               VARCHAR(16)   PRIMARY KEY,
    consecutive_failures  INTEGER       NOT NULL DEFAULT 0,
    failing_since         TIMESTAMPTZ,
    last_error            VARCHAR(1000),
    last_error_at         TIMESTAMPTZ,
    last_success_at       TIMESTAMPTZ
);
