package org.posmaintenance.identity;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.posmaintenance.sla.SlaState;
import org.posmaintenance.model.ModelContract;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters: my group's tasks by due date, my own tasks, due today, overdue,
 * escalated, SLA at risk and SLA breached. Created once by name (a filter added in a later version is
 * created at the next start); an administrator may change them afterwards.
 */
@Component
public class TasklistFilters {

    public static final String GROUP_TASKS = "My group's tasks";
    public static final String MY_TASKS = "My tasks";
    public static final String DUE_TODAY = "Due today";
    public static final String OVERDUE = "Overdue";
    public static final String ESCALATED = "Escalated";
    public static final String SLA_AT_RISK = "SLA at risk";
    public static final String SLA_BREACHED = "SLA breached";

    /** "SLA at risk" also lists the tasks whose service-level deadline is this close. */
    public static final int AT_RISK_WITHIN_HOURS = 4;
    /** The tasks whose due date is a service-level deadline: the first response, and the repair stage's steps. */
    static final String[] SLA_TASKS = {ModelContract.TASK_CONFIRM_DIAGNOSIS, ModelContract.TASK_REMOTE_SUPPORT,
            ModelContract.TASK_SCHEDULE_VISIT, ModelContract.TASK_REPAIR_ON_SITE, ModelContract.TASK_RECEIVE_TERMINAL,
            ModelContract.TASK_REPAIR_AT_CENTRE, ModelContract.TASK_RETURN_TERMINAL, ModelContract.TASK_ORDER_PART,
            ModelContract.TASK_RECEIVE_PART, ModelContract.TASK_REPLACE_TERMINAL};

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", ModelContract.TICKET_NUMBER, "label", "Ticket"),
            Map.of("name", ModelContract.MERCHANT_NAME, "label", "Merchant"),
            Map.of("name", ModelContract.SEVERITY, "label", "Severity"),
            Map.of("name", ModelContract.REPAIR_CHANNEL, "label", "Repair"),
            Map.of("name", ModelContract.SLA_STATE, "label", "SLA"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    public void apply() {
        create(GROUP_TASKS, 1, "Tasks of my groups, assigned or not, soonest due first", groupTasks());
        create(MY_TASKS, 2, "Tasks assigned to me", tasks.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        create(DUE_TODAY, 3, "My groups' tasks due before midnight", groupTasks()
                .dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay()}"));
        create(OVERDUE, 4, "My groups' tasks past their service-level deadline", groupTasks()
                .dueBeforeExpression("${now()}"));
        create(ESCALATED, 5, "Tasks escalated to supervisors after an SLA breach", tasks.createTaskQuery()
                .taskCandidateGroup(ModelContract.SUPERVISORS).includeAssignedTasks().orderByDueDate().asc());
        // not yet due, and either the ticket's first-response warning has passed (slaState AT_RISK) or the
        // deadline is less than AT_RISK_WITHIN_HOURS away
        create(SLA_AT_RISK, 6, "My groups' SLA tasks not yet due: first-response warning passed, or due within "
                + AT_RISK_WITHIN_HOURS + " hours", groupTasks()
                .taskDefinitionKeyIn(SLA_TASKS)
                .dueAfterExpression("${now()}")
                .or()
                    .processVariableValueEquals(ModelContract.SLA_STATE, SlaState.AT_RISK.name())
                    .dueBeforeExpression("${dateTime().plusHours(" + AT_RISK_WITHIN_HOURS + ").toDate()}")
                .endOr());
        // a deadline passed before its step was done (first response, or the repair stage's resolution
        // target): slaState BREACHED, until the repair stage is done
        create(SLA_BREACHED, 7, "My groups' tasks of tickets that missed a service-level deadline and are not yet repaired",
                groupTasks().processVariableValueEquals(ModelContract.SLA_STATE, SlaState.BREACHED.name()));
    }

    private TaskQuery groupTasks() {
        return groupTasks(tasks);
    }

    /** The query of "My group's tasks": the tasks of the user's groups, assigned or not, soonest due first. */
    public static TaskQuery groupTasks(TaskService tasks) {
        return tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
                .orderByDueDate().asc();
    }

    private void create(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description,
                        "refresh", true, "variables", COLUMNS));
        filters.saveFilter(filter);
        for (String group : AccessRules.TASK_WORKERS) {
            Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
    }
}
