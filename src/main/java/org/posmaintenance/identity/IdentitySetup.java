package org.posmaintenance.identity;

import java.util.Optional;

import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After the engine has deployed the models: grants, Tasklist filters and, in the demo, the demo people. */
@Component
class IdentitySetup {

    private final AccessRules accessRules;
    private final TasklistFilters filters;
    private final Optional<DemoUsers> demoUsers;

    IdentitySetup(AccessRules accessRules, TasklistFilters filters, Optional<DemoUsers> demoUsers) {
        this.accessRules = accessRules;
        this.filters = filters;
        this.demoUsers = demoUsers;
    }

    @EventListener
    public void onDeployed(PostDeployEvent event) {
        demoUsers.ifPresent(DemoUsers::apply);
        accessRules.apply();
        filters.apply();
    }
}
