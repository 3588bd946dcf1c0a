package org.posmaintenance.ticket;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PostConstruct;

/**
 * Indexes on the engine's tables that the engine does not create, for many open tickets
 * (BENCHMARKS.md shows the figures and query plans with and without them):
 * <ul>
 * <li>for the query Tasklist runs for "My group's tasks" (the candidate group's open tasks by due date,
 * with the authorization check): without them the first page sorts every open task, and PostgreSQL
 * may join each task with every task grant;</li>
 * <li>on H2, for the engine's loading of an execution's variables: without it H2 reads every variable
 * of every open ticket each time, so each step gets slower with every open ticket.</li>
 * </ul>
 * Where the engine manages its own schema ({@code camunda.bpm.database.schema-update} true: H2, the demo, the tests)
 * they are created at start-up, where missing, once the engine has created or checked its schema (a Flyway
 * migration cannot do it: Flyway migrates the application's tables before the engine creates its own on a new
 * database); nodes take turns through the row of {@code setup_lock}. Where it does not (PostgreSQL in production),
 * {@code scripts/db-schema.sh} creates them with the engine's schema ({@code db/engine/postgres-indexes.sql}) and a
 * node only checks that they are there: it refuses to start without them, naming the command.
 */
@Component
public class EngineIndexes {

    /** Open tasks in Tasklist's order: the filter's due date, then Tasklist's default, newest first. */
    public static final String TASK_DUE_DATE = "POS_IDX_TASK_DUE_CREATE";
    /** The candidate-group check of each task without reading the table. */
    public static final String CANDIDATE_LINKS = "POS_IDX_IDENT_LNK_TASK_CAND";
    /** The few suspended open tasks, which the worklist leaves out of Tasklist's active tasks. */
    public static final String TASK_SUSPENDED = "POS_IDX_TASK_SUSPENDED";
    /** The indexes for Tasklist's query. */
    public static final List<String> TASKLIST_INDEXES = List.of(TASK_DUE_DATE, CANDIDATE_LINKS, TASK_SUSPENDED);
    /**
     * PostgreSQL 14+ only: statistics of the permission bits the task query tests ({@code PERMS_ & 2}
     * READ of a task, {@code PERMS_ & 64} READ_TASK of a process definition). Without them the planner
     * guesses that almost no grant matches and joins each task with all task grants.
     */
    public static final String GRANT_STATISTICS = "pos_auth_task_perms";
    /**
     * H2 only: an execution's variables. H2 otherwise looks them up by {@code TASK_ID_ IS NULL}, which
     * matches the variables of every open ticket.
     */
    public static final String H2_EXECUTION_VARIABLES = "POS_IDX_VAR_EXE_TASK";

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    private final boolean engineManagesSchema;

    EngineIndexes(ProcessEngine startedEngine, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                  @Value("${camunda.bpm.database.schema-update:true}") String schemaUpdate) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.engineManagesSchema = !"false".equalsIgnoreCase(schemaUpdate.strip());
    }

    @PostConstruct
    public void create() {
        if (!engineManagesSchema) {
            List<String> missing = TASKLIST_INDEXES.stream().filter(index -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM pg_indexes WHERE indexname = ?", Integer.class, index.toLowerCase(Locale.ROOT)) == 0).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The engine's schema lacks the application's indexes " + missing
                        + ": run scripts/db-schema.sh upgrade with this release's jar (see the README, Run it on PostgreSQL)");
            }
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT id FROM setup_lock WHERE id = 1 FOR UPDATE");
            createTasklistIndexes();
            if (database().equals("h2")) {
                jdbc.execute("CREATE INDEX IF NOT EXISTS " + H2_EXECUTION_VARIABLES + " ON ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)");
            }
        });
    }

    /** The indexes (and on PostgreSQL the statistics) for Tasklist's query. */
    public void createTasklistIndexes() {
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + TASK_DUE_DATE + " ON ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + CANDIDATE_LINKS + " ON ACT_RU_IDENTITYLINK (TASK_ID_, TYPE_, GROUP_ID_)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + TASK_SUSPENDED + " ON ACT_RU_TASK (SUSPENSION_STATE_)");
        if (postgresWithExpressionStatistics() && jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?", Integer.class, GRANT_STATISTICS) == 0) {
            jdbc.execute("CREATE STATISTICS " + GRANT_STATISTICS + " ON (PERMS_ & 2), (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION");
            // gathered now, not at the next automatic analysis of a table that may already be large
            jdbc.execute("ANALYZE ACT_RU_AUTHORIZATION");
        }
    }

    /** PostgreSQL 14 or later: the first to keep statistics of expressions. */
    public boolean postgresWithExpressionStatistics() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            var meta = connection.getMetaData();
            boolean postgres = database().equals("postgresql");
            if (postgres && meta.getDatabaseMajorVersion() < 14) {
                LOG.warn("PostgreSQL {} keeps no statistics of expressions: Tasklist's task query may be slow with many open"
                        + " tasks (see BENCHMARKS.md)", meta.getDatabaseProductVersion());
            }
            return postgres && meta.getDatabaseMajorVersion() >= 14;
        }));
    }

    /** {@code h2}, {@code postgresql} ...: the JDBC driver's product name in lower case. */
    private String database() {
        return jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT));
    }
}
