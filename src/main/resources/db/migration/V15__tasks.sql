-- The tasks console: one row per registered scheduled job with its settings and counters, and a
-- short history of its runs. A NULL interval means the task's own default, so a task nobody
-- changed follows its default when that changes with a new version.
CREATE TABLE tasks (
    name                 VARCHAR(64)  PRIMARY KEY,
    interval_seconds     BIGINT       CHECK (interval_seconds BETWEEN 1 AND 604800),
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    runs                 BIGINT       NOT NULL DEFAULT 0 CHECK (runs >= 0),
    failures             BIGINT       NOT NULL DEFAULT 0 CHECK (failures >= 0),
    skipped              BIGINT       NOT NULL DEFAULT 0 CHECK (skipped >= 0),
    consecutive_failures INTEGER      NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    last_started_at      TIMESTAMPTZ,
    last_duration_ms     BIGINT,
    last_outcome         VARCHAR(16),
    last_manual          BOOLEAN      NOT NULL DEFAULT FALSE,
    last_error           TEXT,
    last_stack_trace     TEXT,
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE task_runs (
    id          BIGSERIAL    PRIMARY KEY,
    task_name   VARCHAR(64)  NOT NULL REFERENCES tasks (name) ON DELETE CASCADE,
    started_at  TIMESTAMPTZ  NOT NULL,
    duration_ms BIGINT       NOT NULL CHECK (duration_ms >= 0),
    outcome     VARCHAR(16)  NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT')),
    manual      BOOLEAN      NOT NULL DEFAULT FALSE,
    error       TEXT,
    stack_trace TEXT
);

CREATE INDEX task_runs_by_task ON task_runs (task_name, id DESC);
