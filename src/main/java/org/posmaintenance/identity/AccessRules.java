package org.posmaintenance.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.posmaintenance.model.ModelContract.*;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.posmaintenance.model.ModelContract;
import org.springframework.stereotype.Component;

/**
 * Who may do what, granted to groups (authorization is on). Tasks are granted by the engine itself to
 * their candidate groups, so a technician sees only the tasks of his groups.
 */
@Component
public class AccessRules {

    /** The groups whose members work tasks in Tasklist. */
    public static final List<String> TASK_WORKERS = List.of(HOTLINE, TECHNICIANS, REPAIR_CENTRE, SUPERVISORS, MANAGERS);

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    private final AuthorizationService authorizations;

    public AccessRules(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** Creates the grants that are missing; existing ones are left as an administrator changed them. */
    public void apply() {
        String process = PROCESS_ID;
        // the hotline records reported faults: it starts tickets from Tasklist
        grant(HOTLINE, Resources.PROCESS_DEFINITION, process, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(HOTLINE, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // the hotline and managers cancel tickets from Tasklist (Start process: Cancel a maintenance ticket)
        for (String group : List.of(HOTLINE, MANAGERS)) {
            grant(group, Resources.PROCESS_DEFINITION, CANCELLATION_PROCESS_ID, Permissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        // people who work tickets read the tickets (Tasklist shows their variables), but only the tasks
        // of their own groups
        for (String group : TASK_WORKERS) {
            grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE);
        }
        // managers and supervisors watch the running tickets and their service levels in Cockpit
        for (String group : List.of(MANAGERS, SUPERVISORS)) {
            grant(group, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
            grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, group.equals(MANAGERS)
                    ? new Permission[] {Permissions.READ, Permissions.CREATE} : new Permission[] {Permissions.READ});
            grant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
            // Cockpit's dashboard and Human Tasks page count the open tasks per group: reading every task, which
            // READ_TASK on the process definitions already allows one by one; working them stays with their groups
            grant(group, Resources.TASK, Authorization.ANY, Permissions.READ);
        }
        // analysts revise the models: they read everything in Cockpit, deploy new versions and move
        // running tickets to them (migration, also as a batch)
        grant(ANALYSTS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grant(ANALYSTS, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE);
        grant(ANALYSTS, Resources.BATCH, Authorization.ANY, Permissions.READ,
                BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
        grant(ANALYSTS, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(ANALYSTS, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ, Permissions.CREATE);
    }

    void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
