-- Which cluster member runs a collection: the grid UUID of the member that launched its current
-- batch execution (a standalone server's own id). NULL while no member has launched it yet: a
-- collection asked for on a follower waits so until the leader launches it. A leader restarts a
-- running collection whose member has left the grid, never one a live member still runs.
ALTER TABLE collection_jobs ADD COLUMN run_by VARCHAR(64);

CREATE INDEX collection_jobs_waiting ON collection_jobs (id)
    WHERE status IN ('STARTING', 'STOPPING') AND run_by IS NULL;
