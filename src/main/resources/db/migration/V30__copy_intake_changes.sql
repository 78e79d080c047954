-- How many times each trader's intake was written: counted in the transaction of the write itself
-- (by triggers, so no writer, the application's or a COPY, can miss it). The traders' performance
-- figures read these counts first and compute again only the traders whose count moved since they
-- last computed theirs, instead of sorting every trader's whole history on each read.
-- One statement counts once per trader it touched, so a COPY of a million trades updates each of
-- its traders' rows once, not once per trade. TRUNCATE is not counted: nothing here truncates it.

CREATE TABLE copy_intake_changes (
    trader_id  BIGINT PRIMARY KEY REFERENCES traders (id) ON DELETE CASCADE,
    changes    BIGINT NOT NULL CHECK (changes > 0)
);

CREATE FUNCTION copy_intake_count_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO copy_intake_changes (trader_id, changes)
        SELECT trader_id, COUNT(*) FROM written GROUP BY trader_id ORDER BY trader_id
        ON CONFLICT (trader_id) DO UPDATE SET changes = copy_intake_changes.changes + EXCLUDED.changes;
    RETURN NULL;
END
$$;

-- PostgreSQL lets a trigger with a transition table fire on one kind of event only: two triggers.
CREATE TRIGGER copy_intake_inserted AFTER INSERT ON copy_intake
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION copy_intake_count_changes();
CREATE TRIGGER copy_intake_updated AFTER UPDATE ON copy_intake
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION copy_intake_count_changes();

-- Entries deleted without their trader count too; with their trader, its count goes with it (a
-- deleted trader's count is not written again).
CREATE FUNCTION copy_intake_count_deletes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE copy_intake_changes c SET changes = c.changes + d.n
        FROM (SELECT trader_id, COUNT(*) AS n FROM deleted GROUP BY trader_id) d
        WHERE c.trader_id = d.trader_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER copy_intake_deleted AFTER DELETE ON copy_intake
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION copy_intake_count_deletes();

INSERT INTO copy_intake_changes (trader_id, changes)
    SELECT trader_id, COUNT(*) FROM copy_intake GROUP BY trader_id;
