package org.posmaintenance.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.FilterServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;
import org.posmaintenance.identity.TasklistFilters;

/**
 * The engine's filter service, except for the request Tasklist sends every 10 seconds per open tab: the page and count
 * of "My group's tasks" (the filter as the application created it, extended by Tasklist's default: active tasks,
 * newest first). Those come from the worklist ({@link Worklist}): the page's task ids and the count by the user's
 * groups from its index, then the engine's own query of just those tasks, as the user (authorization-checked) with the
 * filter's order, so that Tasklist gets the tasks as the engine gives them. A filter an administrator changed, another
 * filter, another sorting or criterion, and a caller without groups go to the engine as before.
 *
 * <p>The worklist lists a task for each of its candidate groups, and the engine grants each candidate group the task
 * ({@code default-user-permission-name-for-task}): the groups' tasks are the tasks the user may see of that filter.
 * {@code WorklistConsistencyTest} compares both for random users.
 */
final class WorklistFilterService extends FilterServiceImpl {

    private final ProcessEngineConfigurationImpl configuration;
    private final WorklistQueries queries;
    private final AtomicLong served = new AtomicLong();
    private volatile Shapes shapes;

    /** The query of the filter as created, and Tasklist's default extension, in the engine's JSON form. */
    private record Shapes(String filter, String extension) {
    }

    WorklistFilterService(ProcessEngineConfigurationImpl configuration, WorklistQueries queries) {
        this.configuration = configuration;
        this.queries = queries;
    }

    @Override
    public Long count(String filterId, Query<?, ?> extendingQuery) {
        List<String> groups = servedGroups(filterId, extendingQuery);
        if (groups == null) {
            return super.count(filterId, extendingQuery);
        }
        served.incrementAndGet();
        return queries.count(groups);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, Q extends Query<?, T>> List<T> listPage(String filterId, Q extendingQuery, int firstResult, int maxResults) {
        List<String> groups = servedGroups(filterId, extendingQuery);
        if (groups == null) {
            return super.listPage(filterId, extendingQuery, firstResult, maxResults);
        }
        served.incrementAndGet();
        List<String> ids = queries.page(groups, firstResult, maxResults);
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        TaskQuery page = configuration.getTaskService().createTaskQuery().taskIdIn(ids.toArray(String[]::new)).active()
                .initializeFormKeys().orderByDueDate().asc().orderByTaskCreateTime().desc();
        return (List<T>) page.list();
    }

    /** How many requests the worklist answered (for the tests and the benchmark). */
    long served() {
        return served.get();
    }

    /** The user's groups when the worklist answers this request; null when the engine does. */
    private List<String> servedGroups(String filterId, Query<?, ?> extendingQuery) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null || user.getGroupIds() == null || user.getGroupIds().isEmpty()
                || !(extendingQuery instanceof TaskQuery extension)) {
            return null;
        }
        Filter filter = getFilter(filterId);   // checks READ on the filter, as the engine's own execution does
        if (filter == null || !EntityTypes.TASK.equals(filter.getResourceType())
                || !TasklistFilters.GROUP_TASKS.equals(filter.getName())) {
            return null;
        }
        Shapes expected = shapes();
        if (!expected.filter().equals(json(filter.getQuery())) || !expected.extension().equals(json(extension))) {
            return null;
        }
        return List.copyOf(user.getGroupIds());
    }

    private Shapes shapes() {
        Shapes known = shapes;
        if (known == null) {
            var tasks = configuration.getTaskService();
            known = new Shapes(json(TasklistFilters.groupTasks(tasks)), json(tasks.createTaskQuery().active().orderByTaskCreateTime().desc()));
            shapes = known;
        }
        return known;
    }

    private static String json(Object query) {
        return query instanceof TaskQuery task ? new JsonTaskQueryConverter().toJsonObject(task).toString() : "";
    }
}
