-- Failed logins and lock-outs, per user name and per address, so that a restart does not lift a
-- lock-out (nor give a password guesser a fresh count).
CREATE TABLE login_lockouts (
    subject      VARCHAR(160) PRIMARY KEY,
    failures     INTEGER      NOT NULL CHECK (failures >= 0),
    lockouts     INTEGER      NOT NULL CHECK (lockouts >= 0),
    locked_until TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
