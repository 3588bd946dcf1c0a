package org.posmaintenance.benchmark;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.posmaintenance.identity.TasklistFilters;
import org.posmaintenance.testing.WebappSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist's request over HTTP, exactly as Camunda 7.24's Tasklist sends it when a member of {@code group} has the
 * filter "My group's tasks" open (on selecting it, and again every 10 s while the tab is open):
 * {@code POST /camunda/api/engine/engine/default/filter/<id>/list?firstResult=0&maxResults=15} with
 * {@code Accept: application/hal+json}, the CSRF header and the body Tasklist builds (sorting by creation, newest
 * first; active tasks). The answer is the HAL list with the page's tasks, their assignees and process definitions,
 * the filter's column variables, and the count of the whole list. Each user logs into Tasklist first (session cookie,
 * CSRF token), as a browser does; the requests go to the users in turn.
 */
final class TasklistHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    /** One measurement: the requests' latencies, the page size and count of the last answer, why it stopped early. */
    record Result(String group, Latencies request, int pageSize, long count, String note) {
    }

    private final InProcessApplication application;

    TasklistHttp(InProcessApplication application) {
        this.application = application;
    }

    /**
     * Times {@code iterations} requests (after {@code warmUp} untimed ones) by {@code users} members of {@code group},
     * within {@code budget}.
     */
    Result measure(String group, int users, int warmUp, int iterations, Duration budget) {
        Filter filter = application.engine().getFilterService().createFilterQuery().filterName(TasklistFilters.GROUP_TASKS)
                .singleResult();
        String path = "/camunda/api/engine/engine/default/filter/" + filter.getId() + "/list?firstResult=0&maxResults=15";
        List<WebappSession> browsers = new ArrayList<>();
        String baseUrl = "http://localhost:" + application.port();
        long[] request = new long[iterations];
        int timed = 0;
        int pageSize = 0;
        long count = 0;
        String note = "";
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            for (int i = 0; i < users; i++) {
                String user = member(group, i);
                browsers.add(WebappSession.logIn(baseUrl, "tasklist", user, password(user)));
            }
            for (int i = -warmUp; i < iterations; i++) {
                if (System.nanoTime() > deadline) {
                    note = "stopped after %d of %d requests: time budget of %d s used up".formatted(timed, iterations,
                            budget.toSeconds());
                    break;
                }
                WebappSession browser = browsers.get(Math.floorMod(i, browsers.size()));
                long t0 = System.nanoTime();
                HttpResponse<String> answer = browser.send("POST", path, BODY, "application/hal+json, application/json; q=0.5");
                long t1 = System.nanoTime();
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("Tasklist's list request answered " + answer.statusCode() + ": "
                            + answer.body().substring(0, Math.min(300, answer.body().length())));
                }
                JsonNode list = JSON.readTree(answer.body());
                pageSize = list.path("_embedded").path("task").size();
                count = list.path("count").asLong();
                if (i >= 0) {
                    request[i] = t1 - t0;
                    timed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            note = "stopped after %d of %d requests: %s".formatted(timed, iterations, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            note = "interrupted";
        }
        return new Result(group, Latencies.ofNanos(java.util.Arrays.copyOf(request, timed)), pageSize, count, note);
    }

    /** A user of the group with a password, created once. */
    private String member(String group, int index) {
        IdentityService identity = application.engine().getIdentityService();
        String id = "bench" + group.replaceAll("[^A-Za-z0-9]", "") + index;   // user ids are letters and digits only
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            // outside the demo the groups are the bank's: created here as an administrator would
            org.camunda.bpm.engine.identity.Group created = identity.newGroup(group);
            created.setName(group);
            created.setType("WORKFLOW");
            identity.saveGroup(created);
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName("Benchmark");
            user.setLastName(group + " " + index);
            user.setPassword(password(id));
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
        return id;
    }

    private static String password(String user) {
        return user + "-benchmark-password";
    }
}
