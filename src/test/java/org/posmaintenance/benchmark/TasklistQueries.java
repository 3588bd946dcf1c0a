package org.posmaintenance.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.posmaintenance.model.ModelContract;
import org.posmaintenance.identity.TasklistFilters;

/**
 * What Tasklist asks the engine when a technician opens the filter "My group's tasks": Tasklist posts
 * {@code filter/<id>/list?firstResult=0&maxResults=15} with the sorting it shows (created, newest first,
 * by default) and {@code active: true}; the REST API then runs, as the logged-in user with authorization
 * checks, (1) the filter's query extended by that body for the first page, (2) the same query's count,
 * and (3) the filter's column variables (ticket, merchant, severity, repair) of the page's tasks. The
 * same three engine calls are timed here, each request as another technician (group
 * {@code technicians}, like {@code tom}): H2 hands back the previous result of an identical query while
 * its tables have not changed, which would time its cache, not the query.
 */
final class TasklistQueries {

    /** Prefix of the user ids: technician-0, technician-1 ... */
    static final String USERS = "technician-";
    static final List<String> GROUPS = List.of(ModelContract.TECHNICIANS);
    private static final String[] COLUMNS = {"ticketNumber", "merchantName", "severity", "repairChannel"};

    /**
     * @param note why fewer requests were timed than asked (time budget, a query that timed out), or empty
     */
    record Result(Latencies page, Latencies count, Latencies variables, Latencies request, int pageSize, long total,
                  String note) {
    }

    private final FilterService filters;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final ProcessEngine engine;

    TasklistQueries(ProcessEngine engine) {
        this.engine = engine;
        this.filters = engine.getFilterService();
        this.identity = engine.getIdentityService();
        this.runtime = engine.getRuntimeService();
    }

    /**
     * Times {@code iterations} requests after {@code warmUp} untimed ones (at most a tenth of the budget);
     * stops early once {@code budget} has passed (a plan that joins every task with every task grant can
     * take minutes per request).
     */
    Result measure(int warmUp, int iterations, java.time.Duration budget) {
        Filter filter = filters.createFilterQuery().filterName(TasklistFilters.GROUP_TASKS).singleResult();
        if (filter == null) {
            throw new IllegalStateException("No Tasklist filter '" + TasklistFilters.GROUP_TASKS + "'");
        }
        long[] page = new long[iterations];
        long[] count = new long[iterations];
        long[] variables = new long[iterations];
        long[] request = new long[iterations];
        int pageSize = 0;
        long total = 0;
        int timed = 0;
        String note = "";
        long start = System.nanoTime();
        long warmUpDeadline = start + budget.toNanos() / 10;
        long deadline = start + budget.toNanos();
        try {
            for (int i = -warmUp; i < iterations; i++) {
                if (i < 0 && System.nanoTime() > warmUpDeadline) {
                    i = 0; // slow requests: a tenth of the budget is warm-up enough
                }
                identity.setAuthentication(USERS + (i + warmUp), GROUPS);
                if (System.nanoTime() > deadline) {
                    note = "stopped after %d of %d requests: time budget of %d s used up".formatted(timed, iterations,
                            budget.toSeconds());
                    break;
                }
                long t0 = System.nanoTime();
                List<Task> tasks = filters.listPage(filter.getId(), tasklistSorting(), 0, 15);
                long t1 = System.nanoTime();
                total = filters.count(filter.getId(), tasklistSorting());
                long t2 = System.nanoTime();
                columnVariables(tasks);
                long t3 = System.nanoTime();
                pageSize = tasks.size();
                if (i >= 0) {
                    page[i] = t1 - t0;
                    count[i] = t2 - t1;
                    variables[i] = t3 - t2;
                    request[i] = t3 - t0;
                    timed++;
                }
            }
        } catch (RuntimeException e) {
            note = "stopped after %d of %d requests: %s".formatted(timed, iterations, rootMessage(e));
        } finally {
            identity.clearAuthentication();
        }
        return new Result(Latencies.ofNanos(java.util.Arrays.copyOf(page, timed)),
                Latencies.ofNanos(java.util.Arrays.copyOf(count, timed)),
                Latencies.ofNanos(java.util.Arrays.copyOf(variables, timed)),
                Latencies.ofNanos(java.util.Arrays.copyOf(request, timed)), pageSize, total, note);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** Tasklist's request body: {@code sorting: [{sortBy: created, sortOrder: desc}], active: true}. */
    private TaskQuery tasklistSorting() {
        return engine.getTaskService().createTaskQuery().active().orderByTaskCreateTime().desc();
    }

    /** The filter's column variables of the page's tasks, as the REST API fetches them for the HAL answer. */
    private void columnVariables(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (Task task : tasks) {
            scopes.add(task.getId());
            scopes.add(task.getExecutionId());
            scopes.add(task.getProcessInstanceId());
        }
        runtime.createVariableInstanceQuery().disableBinaryFetching().disableCustomObjectDeserialization()
                .variableNameIn(COLUMNS).variableScopeIdIn(new ArrayList<>(scopes).toArray(String[]::new)).unlimitedList();
    }
}
