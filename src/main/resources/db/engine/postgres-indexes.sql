-- The application's indexes on the engine's tables, PostgreSQL (ticket.EngineIndexes says why each is needed).
-- Run by scripts/db-schema.sh after the engine's own scripts (create and upgrade); every statement may run again.
CREATE INDEX IF NOT EXISTS POS_IDX_TASK_DUE_CREATE ON ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC);
CREATE INDEX IF NOT EXISTS POS_IDX_IDENT_LNK_TASK_CAND ON ACT_RU_IDENTITYLINK (TASK_ID_, TYPE_, GROUP_ID_);
CREATE INDEX IF NOT EXISTS POS_IDX_TASK_SUSPENDED ON ACT_RU_TASK (SUSPENSION_STATE_);
-- PostgreSQL 14+: statistics of the permission bits Tasklist's task query tests (READ of a task, READ_TASK)
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 140000
     AND NOT EXISTS (SELECT 1 FROM pg_statistic_ext WHERE stxname = 'pos_auth_task_perms') THEN
    EXECUTE 'CREATE STATISTICS pos_auth_task_perms ON (PERMS_ & 2), (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION';
  END IF;
END
$$;
ANALYZE ACT_RU_AUTHORIZATION;
