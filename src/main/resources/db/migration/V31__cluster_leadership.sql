-- The cluster's leadership terms. The data grid's lock says who leads while the grid is whole; when
-- two halves of a split grid merge, the grid may keep the older leader's lock and token. This row,
-- which every member reads, says which term is the newest: a leader with an older term steps down.
CREATE TABLE cluster_leadership (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    term    BIGINT NOT NULL CHECK (term >= 0),
    member  VARCHAR(64),
    since   TIMESTAMPTZ
);
INSERT INTO cluster_leadership (id, term) VALUES (1, 0);
