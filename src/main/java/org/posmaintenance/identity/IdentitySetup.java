package org.posmaintenance.identity;

import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/**
 * Once the engine has started and deployed the models: grants, Tasklist filters and, in the demo, the
 * demo people. Everything is created only where missing, so a restart changes nothing.
 */
@Component
class IdentitySetup {

    private final AccessRules accessRules;
    private final TasklistFilters filters;
    private final Optional<DemoUsers> demoUsers;

    IdentitySetup(ProcessEngine startedEngine, AccessRules accessRules, TasklistFilters filters, Optional<DemoUsers> demoUsers) {
        this.accessRules = accessRules;
        this.filters = filters;
        this.demoUsers = demoUsers;
    }

    @PostConstruct
    void apply() {
        demoUsers.ifPresent(DemoUsers::apply);
        accessRules.apply();
        filters.apply();
    }
}
