-- Tasklist's worklist, kept exact by the application in each task's own transaction (worklist/Worklist): the open
-- user tasks with what Tasklist's "My group's tasks" orders by, and their candidate groups. Tasklist's page and count
-- of that filter are answered from here (worklist/WorklistFilterService) instead of the engine's query, which joins
-- every open task with its grants.
CREATE TABLE worklist_task (
    task_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    assignee            VARCHAR(255),
    created             TIMESTAMP    NOT NULL,
    due                 TIMESTAMP
);

CREATE TABLE worklist_group (
    group_id            VARCHAR(255) NOT NULL,
    task_id             VARCHAR(64)  NOT NULL REFERENCES worklist_task (task_id) ON DELETE CASCADE,
    -- copies of the task's, so that a group's page is read from this index alone
    due                 TIMESTAMP,
    created             TIMESTAMP    NOT NULL,
    PRIMARY KEY (group_id, task_id)
);
CREATE INDEX worklist_group_order ON worklist_group (group_id, due, created DESC, task_id);
CREATE INDEX worklist_group_task ON worklist_group (task_id);

-- Whether the worklist holds every open task of the engine (filled once from the engine's tables at the first start
-- of this release: worklist/Worklist).
CREATE TABLE worklist_state (
    id                  INTEGER      NOT NULL PRIMARY KEY,
    filled_at           TIMESTAMP
);
INSERT INTO worklist_state (id, filled_at) VALUES (1, NULL);
