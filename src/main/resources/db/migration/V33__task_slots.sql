-- A scheduled run is keyed by its slot: the task and the moment it was due. A member claims the
-- slot before it runs the task, and the primary key lets only one claim in, so two members that
-- both believe they lead (a frozen leader that wakes up) never both run one slot: the second finds
-- it taken and leaves it, counted in tasks.slots_taken. Old slots are deleted as new ones are
-- claimed. A run's record says which slot it ran (NULL for a run an admin started) and on which
-- member.
CREATE TABLE task_slots (
    task_name  VARCHAR(64)  NOT NULL REFERENCES tasks (name) ON DELETE CASCADE,
    slot       TIMESTAMPTZ  NOT NULL,
    member     VARCHAR(64)  NOT NULL,
    claimed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (task_name, slot)
);

ALTER TABLE tasks ADD COLUMN slots_taken BIGINT NOT NULL DEFAULT 0 CHECK (slots_taken >= 0);

ALTER TABLE task_runs ADD COLUMN slot TIMESTAMPTZ;
ALTER TABLE task_runs ADD COLUMN member VARCHAR(64);
