-- History collections: one row per request, one per instrument (a batch partition), the batch
-- executions that ran it (the first, then each restart) and the bars it had to skip. A partition's
-- cursor (where its next window starts) and counts are written in the same transaction as the
-- bars of each window, so after a crash they say exactly what is stored. Jakarta Batch keeps its
-- own repository beside these tables in the same database.

CREATE TABLE collection_jobs (
    id                  BIGSERIAL    PRIMARY KEY,
    requested_by        VARCHAR(64)  NOT NULL,
    source              VARCHAR(16)  NOT NULL CHECK (source IN ('simulated', 'ibkr', 'yahoo', 'csv')),
    bar_size            VARCHAR(4)   NOT NULL,
    what_to_show        VARCHAR(16)  NOT NULL,
    rth_only            BOOLEAN      NOT NULL,
    range_from          TIMESTAMPTZ,
    range_to            TIMESTAMPTZ,
    incremental         BOOLEAN      NOT NULL,
    gaps_only           BOOLEAN      NOT NULL,
    upload_id           BIGINT,
    status              VARCHAR(16)  NOT NULL CHECK (status IN ('STARTING', 'STARTED', 'STOPPING',
                                         'STOPPED', 'FAILED', 'COMPLETED', 'ABANDONED')),
    execution_id        BIGINT,
    execution_started   TIMESTAMPTZ,
    bars_before_execution BIGINT     NOT NULL DEFAULT 0,
    windows_before_execution BIGINT  NOT NULL DEFAULT 0,
    last_error          VARCHAR(1000),
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    ended_at            TIMESTAMPTZ,
    CHECK (range_from IS NULL OR range_to IS NULL OR range_from < range_to)
);

CREATE INDEX collection_jobs_recent ON collection_jobs (created_at DESC, id DESC);
CREATE INDEX collection_jobs_running ON collection_jobs (status)
    WHERE status IN ('STARTING', 'STARTED', 'STOPPING');

CREATE TABLE collection_partitions (
    job_id         BIGINT       NOT NULL REFERENCES collection_jobs (id) ON DELETE CASCADE,
    position       INTEGER      NOT NULL,
    symbol         VARCHAR(32)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    planned_to     TIMESTAMPTZ,
    cursor_at      TIMESTAMPTZ,
    windows_done   BIGINT       NOT NULL DEFAULT 0 CHECK (windows_done >= 0),
    windows_total  BIGINT       NOT NULL DEFAULT 0 CHECK (windows_total >= 0),
    bars_written   BIGINT       NOT NULL DEFAULT 0 CHECK (bars_written >= 0),
    bars_skipped   BIGINT       NOT NULL DEFAULT 0 CHECK (bars_skipped >= 0),
    retries        BIGINT       NOT NULL DEFAULT 0 CHECK (retries >= 0),
    last_error     VARCHAR(1000),
    PRIMARY KEY (job_id, position)
);

CREATE TABLE collection_executions (
    job_id       BIGINT      NOT NULL REFERENCES collection_jobs (id) ON DELETE CASCADE,
    execution_id BIGINT      NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (job_id, execution_id)
);

-- What a window's source sent that could not be stored; kept up to a limit per job, all counted.
CREATE TABLE collection_skips (
    id       BIGSERIAL     PRIMARY KEY,
    job_id   BIGINT        NOT NULL REFERENCES collection_jobs (id) ON DELETE CASCADE,
    symbol   VARCHAR(32)   NOT NULL,
    location VARCHAR(100)  NOT NULL,
    reason   VARCHAR(500)  NOT NULL
);

CREATE INDEX collection_skips_job ON collection_skips (job_id, id);
