-- A row that nodes lock while they create the grants, Tasklist filters and demo people, so that
-- several nodes starting at once on a new database create them once.
CREATE TABLE setup_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO setup_lock (id) VALUES (1);
