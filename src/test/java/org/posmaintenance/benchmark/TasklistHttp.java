package org.posmaintenance.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.posmaintenance.identity.TasklistFilters;

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
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            browsers.add(new Browser(member(group, i)));
        }
        long[] request = new long[iterations];
        int timed = 0;
        int pageSize = 0;
        long count = 0;
        String note = "";
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            for (int i = -warmUp; i < iterations; i++) {
                if (System.nanoTime() > deadline) {
                    note = "stopped after %d of %d requests: time budget of %d s used up".formatted(timed, iterations,
                            budget.toSeconds());
                    break;
                }
                Browser browser = browsers.get(Math.floorMod(i, browsers.size()));
                long t0 = System.nanoTime();
                HttpResponse<String> answer = browser.post(path, BODY);
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

    /** A browser logged into Tasklist: its cookies (session, CSRF token). */
    private final class Browser {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Browser(String user) {
            try {
                get("/camunda/api/admin/auth/user/default");   // hands out the CSRF token
                String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password(user), StandardCharsets.UTF_8);
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token())
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (login.statusCode() != 200) {
                    throw new IllegalStateException("Tasklist login of " + user + " answered " + login.statusCode());
                }
                get("/camunda/api/admin/auth/user/default");   // the login made a new session: a new token
            } catch (IOException e) {
                throw new IllegalStateException("Tasklist login of " + user + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(InProcessApplication.STATEMENT_TIMEOUT_SECONDS * 2L))
                    .header("Content-Type", "application/json").header("Accept", "application/hal+json, application/json; q=0.5")
                    .header("X-XSRF-TOKEN", token()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private void get(String path) throws IOException, InterruptedException {
            client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.discarding());
        }

        private String token() {
            return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + application.port() + path);
        }
    }
}
