package org.posmaintenance.benchmark;

import org.posmaintenance.ticket.EngineIndexes;

/**
 * The application's indexes for Tasklist's query ({@link EngineIndexes}), dropped for the measurement
 * without them and created again afterwards; and the database's statistics, refreshed before measuring.
 */
final class DatabaseIndexes {

    private final InProcessApplication application;

    DatabaseIndexes(InProcessApplication application) {
        this.application = application;
    }

    /** Fresh planner statistics ({@code ANALYZE}), as the database's automatic analysis would gather them. */
    void analyze() {
        application.jdbc().execute("ANALYZE");
    }

    void drop() {
        for (String index : EngineIndexes.TASKLIST_INDEXES) {
            application.jdbc().execute("DROP INDEX IF EXISTS " + index);
        }
        if (application.bean(EngineIndexes.class).postgresWithExpressionStatistics()) {
            application.jdbc().execute("DROP STATISTICS IF EXISTS " + EngineIndexes.GRANT_STATISTICS);
        }
        analyze();
    }

    void restore() {
        application.bean(EngineIndexes.class).createTasklistIndexes();
        analyze();
    }
}
