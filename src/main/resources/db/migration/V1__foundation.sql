-- The foundation: instruments and the watchlist, admin accounts and API tokens.

CREATE TABLE instruments (
    id           BIGSERIAL PRIMARY KEY,
    symbol       VARCHAR(32)    NOT NULL UNIQUE,
    kind         VARCHAR(16)    NOT NULL CHECK (kind IN ('STOCK', 'FUTURE', 'OPTION', 'EVENT')),
    exchange     VARCHAR(32)    NOT NULL,
    currency     CHAR(3)        NOT NULL,
    tick_size    NUMERIC(19, 8) NOT NULL CHECK (tick_size > 0),
    expiry       DATE,
    description  VARCHAR(200),
    on_watchlist BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CHECK (kind = 'STOCK' OR expiry IS NOT NULL)
);

-- One row per one-off seeding step (the default watchlist, ...), so it runs once per database
-- even when several instances start together.
CREATE TABLE seeds (
    name       VARCHAR(64) PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
    username            VARCHAR(64)  PRIMARY KEY,
    password_hash       VARCHAR(512) NOT NULL,
    role                VARCHAR(16)  NOT NULL CHECK (role IN ('admin', 'viewer')),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    name         VARCHAR(64) NOT NULL UNIQUE,
    token_sha256 CHAR(64)    NOT NULL UNIQUE,
    role         VARCHAR(16) NOT NULL CHECK (role IN ('admin', 'viewer')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ
);
