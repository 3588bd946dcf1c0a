package org.posmaintenance.worklist;

import jakarta.annotation.PostConstruct;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, once the engine's tables exist: the worklist takes over the open tasks of an earlier release, once
 * ({@link Worklist#fillOnce()}); nodes take turns through the row of {@code setup_lock}.
 */
@Component
class WorklistStart {

    private final Worklist worklist;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    WorklistStart(ProcessEngine startedEngine, Worklist worklist, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.worklist = worklist;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @PostConstruct
    void fill() {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT id FROM setup_lock WHERE id = 1 FOR UPDATE");
            worklist.fillOnce();
        });
    }
}
