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
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters: my group's tasks by due date, my own tasks, due today, overdue and
 * escalated. Created once by name; an administrator may change them afterwards.
 */
@Component
public class TasklistFilters {

    public static final String GROUP_TASKS = "My group's tasks";
    public static final String MY_TASKS = "My tasks";
    public static final String DUE_TODAY = "Due today";
    public static final String OVERDUE = "Overdue";
    public static final String ESCALATED = "Escalated";

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", "ticketNumber", "label", "Ticket"),
            Map.of("name", "merchantName", "label", "Merchant"),
            Map.of("name", "severity", "label", "Severity"),
            Map.of("name", "repairChannel", "label", "Repair"));

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
                .taskCandidateGroup(Groups.SUPERVISORS).includeAssignedTasks().orderByDueDate().asc());
    }

    private TaskQuery groupTasks() {
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
        for (String group : Groups.TASK_WORKERS) {
            Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filter.getId());
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
    }
}
