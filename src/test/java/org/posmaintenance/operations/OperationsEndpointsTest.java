package org.posmaintenance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.notification.OutboxSender;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an operator's load balancer and Prometheus get over HTTP: readiness and liveness without credentials and
 * without details; the health details and the metrics only for administrators and the monitoring group; a notification
 * stuck in the outbox makes readiness DEGRADED (still 200) until it is sent.
 */
class OperationsEndpointsTest extends ProcessScenarioTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate http;
    @Autowired OutboxSender sender;
    @Autowired org.posmaintenance.notification.NotificationProperties notifications;

    @Test
    void theLoadBalancerAsksWithoutCredentialsAndLearnsOnlyTheStatus() throws Exception {
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode()).as(readiness.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = JSON.readTree(readiness.getBody());
        assertThat(fieldNames(body)).containsExactly("status");
        assertThat(body.path("status").asText()).isIn("UP", "WARNING", "DEGRADED");

        ResponseEntity<String> liveness = http.getForEntity("/actuator/health/liveness", String.class);
        assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(liveness.getBody()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void detailsAndMetricsAreForAdministratorsAndMonitoringOnly() throws Exception {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("tom", "tom-demo").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("mary", "mary-demo").getForEntity("/actuator/health", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        TestRestTemplate monitor = http.withBasicAuth("monitor", "monitor-demo");
        ResponseEntity<String> health = monitor.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).as(health.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode components = JSON.readTree(health.getBody()).path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("jobExecutor").path("details").path("enabled").asBoolean(true)).isFalse();
        assertThat(components.path("outbox").path("details").path("pending").asInt()).isPositive();
        assertThat(components.path("serviceCalendar").path("details").path("state").asText()).isIn("OK", "WARNING", "EXPIRED");

        ResponseEntity<String> metrics = monitor.getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody())
                .contains("pos_tickets_open{severity=\"NONE\",stage=\"DIAGNOSIS\"}")
                .contains("pos_tickets_sla{state=\"BREACHED\"}", "pos_sla_outcomes{kind=\"response\",result=\"met\"}")
                .contains("pos_jobs_due ", "pos_jobs_failed ", "pos_incidents{type=\"failedJob\"}", "pos_outbox_pending ",
                        "pos_outbox_oldest_seconds ", "pos_notifications_failing ", "http_server_requests_seconds_bucket");
        assertThat(metrics.getBody().lines().filter(line -> line.startsWith("pos_tickets_open{") && line.contains("stage=\"DIAGNOSIS\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .as("the waiting ticket %s:%n%s", ticket.getBusinessKey(), metrics.getBody().lines()
                        .filter(line -> line.startsWith("pos_tickets_open{")).toList()).isPositive();
    }

    @Test
    void aNotificationStuckInTheOutboxMakesTheNodeDegradedUntilItIsSent() throws Exception {
        ticketAwaitingDiagnosis(report()); // the merchant's "we received your report" waits in the outbox
        setClock(WEDNESDAY_10_00.plus(Duration.ofMinutes(20)));
        TestRestTemplate monitor = http.withBasicAuth("monitor", "monitor-demo");

        ResponseEntity<String> stuck = http.getForEntity("/actuator/health/readiness", String.class);
        assertThat(stuck.getStatusCode()).as("a degraded node still serves").isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(stuck.getBody()).path("status").asText()).isEqualTo("DEGRADED");
        JsonNode outbox = JSON.readTree(monitor.getForEntity("/actuator/health", String.class).getBody()).at("/components/outbox");
        assertThat(outbox.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(outbox.path("details").path("oldestPendingSeconds").asLong()).isGreaterThanOrEqualTo(20 * 60);

        int pendingBefore = outbox.path("details").path("pending").asInt();
        assertThat(sender.sendDue()).isPositive();
        JsonNode sent = JSON.readTree(monitor.getForEntity("/actuator/health", String.class).getBody()).at("/components/outbox");
        assertThat(sent.path("details").path("pending").asInt()).isLessThan(pendingBefore);
        // other tests of the suite may leave a notification that failed and waits for its next try
        Integer stillOld = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE sent_at IS NULL AND attempts < ?"
                + " AND created_at < ?", Integer.class, notifications.maxAttempts(),
                java.sql.Timestamp.from(WEDNESDAY_10_00.plus(Duration.ofMinutes(5))));
        assertThat(sent.path("status").asText()).isEqualTo(stillOld == 0 ? "UP" : "DEGRADED");
    }

    /** Every series the Grafana dashboard in docs/ queries is one this application exposes (or Prometheus' own "up"). */
    @Test
    void theDashboardQueriesOnlyMetricsTheNodeExposes() throws Exception {
        http.getForEntity("/merchant/", String.class); // one answer of Spring MVC, so that the HTTP histograms exist
        String exposition = http.withBasicAuth("monitor", "monitor-demo").getForEntity("/actuator/prometheus", String.class).getBody();
        java.util.Set<String> exposed = new java.util.TreeSet<>();
        exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> exposed.add(line.split("[{ ]", 2)[0]));
        JsonNode dashboard = JSON.readTree(java.nio.file.Path.of("docs", "grafana-dashboard.json").toFile());
        java.util.Set<String> queried = new java.util.TreeSet<>();
        java.util.regex.Matcher metric = java.util.regex.Pattern.compile("\\b([a-z_]+_[a-z_]+)\\s*[{\\[)]").matcher("");
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            metric.reset(target.path("expr").asText());
            while (metric.find()) {
                queried.add(metric.group(1));
            }
        }));
        queried.removeIf(name -> name.equals("histogram_quantile"));
        assertThat(queried).isNotEmpty().contains("pos_tickets_open", "http_server_requests_seconds_bucket");
        queried.remove("up"); // Prometheus' own
        assertThat(exposed).as("the metrics the dashboard reads").containsAll(queried);
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
