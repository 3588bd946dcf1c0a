package org.posmaintenance.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    public static final String GROUP_TASKS = "我组的任务";
    public static final String MY_TASKS = "我的任务";
    public static final String DUE_TODAY = "今天到期";
    public static final String OVERDUE = "已逾期";
    public static final String ESCALATED = "已上报主管";
    public static final String SLA_AT_RISK = "服务时限有风险";
    public static final String SLA_BREACHED = "服务时限已超";

    /** The English names of releases before the filters were Chinese: renamed at start. */
    static final Map<String, String> ENGLISH_NAMES = Map.of("My group's tasks", GROUP_TASKS, "My tasks", MY_TASKS,
            "Due today", DUE_TODAY, "Overdue", OVERDUE, "Escalated", ESCALATED, "SLA at risk", SLA_AT_RISK,
            "SLA breached", SLA_BREACHED);

    /** "SLA at risk" also lists the tasks whose service-level deadline is this close. */
    public static final int AT_RISK_WITHIN_HOURS = 4;
    /** The tasks whose due date is a service-level deadline: the first response, and the repair stage's steps. */
    static final String[] SLA_TASKS = {ModelContract.TASK_CONFIRM_DIAGNOSIS, ModelContract.TASK_REMOTE_SUPPORT,
            ModelContract.TASK_SCHEDULE_VISIT, ModelContract.TASK_REPAIR_ON_SITE, ModelContract.TASK_RECEIVE_TERMINAL,
            ModelContract.TASK_REPAIR_AT_CENTRE, ModelContract.TASK_RETURN_TERMINAL, ModelContract.TASK_ORDER_PART,
            ModelContract.TASK_RECEIVE_PART, ModelContract.TASK_REPLACE_TERMINAL};

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", ModelContract.TICKET_NUMBER, "label", "工单号"),
            Map.of("name", ModelContract.MERCHANT_NAME, "label", "商户"),
            Map.of("name", ModelContract.SEVERITY, "label", "严重程度"),
            Map.of("name", ModelContract.REPAIR_CHANNEL, "label", "维修方式"),
            Map.of("name", ModelContract.SLA_STATE, "label", "服务时限"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    public void apply() {
        Set<String> renamed = renameEnglishFilters();
        create(renamed, GROUP_TASKS, 1, "我所在组的任务，无论是否已认领，最早到期的在前", groupTasks());
        create(renamed, MY_TASKS, 2, "分配给我的任务", tasks.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        create(renamed, DUE_TODAY, 3, "我所在组今天午夜前到期的任务", groupTasks()
                .dueBeforeExpression("${dateTime().plusDays(1).withTimeAtStartOfDay()}"));
        create(renamed, OVERDUE, 4, "我所在组已过服务时限的任务", groupTasks()
                .dueBeforeExpression("${now()}"));
        create(renamed, ESCALATED, 5, "超出服务时限后上报主管的任务", tasks.createTaskQuery()
                .taskCandidateGroup(ModelContract.SUPERVISORS).includeAssignedTasks().orderByDueDate().asc());
        // not yet due, and either the ticket's first-response warning has passed (slaState AT_RISK) or the
        // deadline is less than AT_RISK_WITHIN_HOURS away
        create(renamed, SLA_AT_RISK, 6, "我所在组尚未到期、但首次响应已预警或 " + AT_RISK_WITHIN_HOURS + " 小时内到期的服务时限任务",
                groupTasks()
                .taskDefinitionKeyIn(SLA_TASKS)
                .dueAfterExpression("${now()}")
                .or()
                    .processVariableValueEquals(ModelContract.SLA_STATE, SlaState.AT_RISK.name())
                    .dueBeforeExpression("${dateTime().plusHours(" + AT_RISK_WITHIN_HOURS + ").toDate()}")
                .endOr());
        // a deadline passed before its step was done (first response, or the repair stage's resolution
        // target): slaState BREACHED, until the repair stage is done
        create(renamed, SLA_BREACHED, 7, "我所在组中已错过服务时限、尚未修复的工单的任务",
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

    /**
     * A database of a release before the filters were Chinese has them in English: they get their Chinese names (and
     * are then kept as they are below); their query, columns and grants stay (an administrator may have changed them).
     */
    private Set<String> renameEnglishFilters() {
        Set<String> renamed = new HashSet<>();
        ENGLISH_NAMES.forEach((english, chinese) -> {
            for (Filter filter : filters.createFilterQuery().filterName(english).list()) {
                if (filters.createFilterQuery().filterName(chinese).count() == 0) {
                    filter.setName(chinese);
                    Map<String, Object> properties = new HashMap<>(filter.getProperties());
                    if (COLUMNS_IN_ENGLISH.equals(properties.get("variables"))) {
                        properties.put("variables", COLUMNS);
                    }
                    filter.setProperties(properties);
                    filters.saveFilter(filter);
                    renamed.add(chinese);
                }
            }
        });
        return renamed;
    }

    /** The columns as releases before the Chinese names labelled them. */
    private static final List<Map<String, String>> COLUMNS_IN_ENGLISH = List.of(
            Map.of("name", ModelContract.TICKET_NUMBER, "label", "Ticket"),
            Map.of("name", ModelContract.MERCHANT_NAME, "label", "Merchant"),
            Map.of("name", ModelContract.SEVERITY, "label", "Severity"),
            Map.of("name", ModelContract.REPAIR_CHANNEL, "label", "Repair"),
            Map.of("name", ModelContract.SLA_STATE, "label", "SLA"));

    /** Creates the filter, unless it exists; one renamed from English just now gets its Chinese description. */
    private void create(Set<String> renamed, String name, int priority, String description, TaskQuery query) {
        Filter existing = filters.createFilterQuery().filterName(name).singleResult();
        if (existing != null) {
            if (renamed.contains(name)) {
                Map<String, Object> properties = new HashMap<>(existing.getProperties());
                properties.put("description", description);
                existing.setProperties(properties);
                filters.saveFilter(existing);
            }
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
