package org.posmaintenance.identity;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PostConstruct;

/**
 * Once the engine has started and deployed the models: grants, Tasklist filters and, in the demo, the
 * demo people. Everything is created only where missing, so a restart changes nothing; the setup
 * runs in one transaction holding the row of {@code setup_lock}, so nodes starting at once on a new
 * database take turns instead of inserting the same things twice.
 */
@Component
class IdentitySetup {

    private final AccessRules accessRules;
    private final TasklistFilters filters;
    private final Optional<DemoUsers> demoUsers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    IdentitySetup(ProcessEngine startedEngine, AccessRules accessRules, TasklistFilters filters, Optional<DemoUsers> demoUsers,
                  JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.accessRules = accessRules;
        this.filters = filters;
        this.demoUsers = demoUsers;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @PostConstruct
    void apply() {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForList("SELECT id FROM setup_lock WHERE id = 1 FOR UPDATE");
            demoUsers.ifPresent(DemoUsers::apply);
            accessRules.apply();
            filters.apply();
        });
    }
}
