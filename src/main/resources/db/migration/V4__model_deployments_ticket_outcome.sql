-- Each accepted deployment of models (BPMN, DMN, forms): who deployed which resources when, and the
-- versions it created. Written in the deployment's own transaction (model/DeploymentJournal).
CREATE TABLE model_deployment (
    deployment_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    name            VARCHAR(255),
    source          VARCHAR(255),
    -- the Camunda user, or 'application' for the models the application deploys at start-up
    deployed_by     VARCHAR(255)  NOT NULL,
    deployed_at     TIMESTAMP     NOT NULL,
    -- resource names with the first 12 hex digits of their SHA-256, one per line
    resources       VARCHAR(4000) NOT NULL,
    -- process and decision definitions created, "key:version (versionTag)", one per line
    definitions     VARCHAR(4000) NOT NULL
);
CREATE INDEX model_deployment_time ON model_deployment (deployed_at);

-- How a ticket ended, set with closed_at: CLOSED (the procedure completed), CANCELLED (withdrawn by the
-- merchant or cancelled by staff, in the model) or DELETED (its process instance deleted outside the model).
ALTER TABLE ticket ADD COLUMN outcome VARCHAR(10);
-- why it was cancelled or deleted, and by whom (a Camunda user, or MERCHANT)
ALTER TABLE ticket ADD COLUMN end_reason VARCHAR(500);
ALTER TABLE ticket ADD COLUMN ended_by VARCHAR(64);

-- A terminal beyond repair is replaced: the old record points to its replacement.
ALTER TABLE terminal ADD COLUMN replaced_by VARCHAR(32);
ALTER TABLE terminal ADD COLUMN replaced_at TIMESTAMP;
