package org.posmaintenance.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.posmaintenance.diagnosis.Severity;
import org.posmaintenance.notification.NotificationProperties;
import org.posmaintenance.notification.OutboxSender;
import org.posmaintenance.ticket.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The operators' metrics (Prometheus at {@code /actuator/prometheus}), besides Spring Boot's own (HTTP latencies and
 * answers per URI and status, among them the merchant API's requests and refusals; JVM; database pool):
 * <ul>
 * <li>{@code pos_tickets_open{stage, severity}}, {@code pos_tickets_sla{state}} (open tickets on track, at risk,
 * breached), {@code pos_sla_outcomes{kind=response|resolution, result=met|missed}} (all tickets so far);</li>
 * <li>{@code pos_jobs_due} (the backlog: due, not suspended, retries left), {@code pos_jobs_failed} (no retries left),
 * {@code pos_incidents{type}};</li>
 * <li>{@code pos_outbox_pending}, {@code pos_outbox_oldest_seconds} (notifications still being tried),
 * {@code pos_notifications_failing} (unsent, the last attempt failed, also those given up after their attempts).</li>
 * </ul>
 * Read from the ticket records and the engine with a few grouped queries, at most once per
 * {@code pos.operations.metrics-refresh} (15 s) however often it is scraped.
 */
@Component
public class OperationsMetrics implements MeterBinder {

    static final List<String> SEVERITIES = List.of(Severity.NORMAL.name(), Severity.URGENT.name(), Severity.MAJOR.name(), "NONE");
    static final List<String> OPEN_STAGES = List.of(Stage.FAULT_REPORT.name(), Stage.DIAGNOSIS.name(), Stage.REPAIR.name(),
            Stage.SYSTEM_UPGRADE.name(), Stage.FEEDBACK.name());
    static final List<String> INCIDENT_TYPES = List.of("failedJob", "failedExternalTask", OutboxSender.INCIDENT_TYPE);

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;
    private final long refreshNanos;
    private final int maxAttempts;
    private volatile Snapshot snapshot;

    public OperationsMetrics(JdbcTemplate jdbc, ManagementService management, RuntimeService runtime, Clock clock,
                             OperationsProperties properties, NotificationProperties notifications) {
        this.refreshNanos = properties.metricsRefresh().toNanos();
        this.maxAttempts = notifications.maxAttempts();
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The figures of one moment ({@code readAt}: {@link System#nanoTime()}). */
    record Snapshot(long readAt, Map<String, Double> values) {
        double get(String key) {
            return values.getOrDefault(key, 0.0);
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String stage : OPEN_STAGES) {
            for (String severity : SEVERITIES) {
                gauge(registry, "pos.tickets.open", "Open tickets by stage and severity", "open/" + stage + "/" + severity)
                        .tags("stage", stage, "severity", severity).register(registry);
            }
        }
        for (String state : List.of("ON_TRACK", "AT_RISK", "BREACHED")) {
            gauge(registry, "pos.tickets.sla", "Open tickets by service-level state", "sla/" + state).tag("state", state).register(registry);
        }
        for (String kind : List.of("response", "resolution")) {
            for (String result : List.of("met", "missed")) {
                gauge(registry, "pos.sla.outcomes", "Tickets whose first response or resolution met or missed its target",
                        "outcome/" + kind + "/" + result).tags("kind", kind, "result", result).register(registry);
            }
        }
        gauge(registry, "pos.jobs.due", "Jobs due now with retries left (the job executor's backlog)", "jobs/due").register(registry);
        gauge(registry, "pos.jobs.failed", "Jobs without retries left", "jobs/failed").register(registry);
        for (String type : INCIDENT_TYPES) {
            gauge(registry, "pos.incidents", "Open incidents by type", "incidents/" + type).tag("type", type).register(registry);
        }
        gauge(registry, "pos.outbox.pending", "Notifications not yet sent", "outbox/pending").register(registry);
        gauge(registry, "pos.outbox.oldest", "Age of the oldest unsent notification", "outbox/oldest")
                .baseUnit("seconds").register(registry);
        gauge(registry, "pos.notifications.failing", "Unsent notifications whose last attempt failed", "outbox/failing")
                .register(registry);
    }

    private Gauge.Builder<OperationsMetrics> gauge(MeterRegistry registry, String name, String description, String key) {
        ToDoubleFunction<OperationsMetrics> value = metrics -> metrics.current().get(key);
        return Gauge.builder(name, this, value).description(description);
    }

    /** The figures, read afresh when the last reading is older than {@code metrics-refresh} (wall time). */
    Snapshot current() {
        Snapshot last = snapshot;
        if (last == null || stale(last)) {
            synchronized (this) {
                last = snapshot;
                if (last == null || stale(last)) {
                    last = read(clock.instant());
                    snapshot = last;
                }
            }
        }
        return last;
    }

    private boolean stale(Snapshot snapshot) {
        return System.nanoTime() - snapshot.readAt() >= refreshNanos;
    }

    private Snapshot read(Instant now) {
        Map<String, Double> values = new HashMap<>();
        jdbc.query("SELECT stage, COALESCE(severity, 'NONE') AS severity, COUNT(*) AS n FROM ticket WHERE closed_at IS NULL"
                + " GROUP BY stage, COALESCE(severity, 'NONE')", row -> {
                    values.merge("open/" + row.getString("stage") + "/" + row.getString("severity"), (double) row.getLong("n"), Double::sum);
                });
        jdbc.query("SELECT sla_state, COUNT(*) AS n FROM ticket WHERE closed_at IS NULL GROUP BY sla_state",
                row -> { values.put("sla/" + row.getString("sla_state"), (double) row.getLong("n")); });
        jdbc.query("SELECT response_met, COUNT(*) AS n FROM ticket WHERE response_met IS NOT NULL GROUP BY response_met",
                row -> { values.put("outcome/response/" + (row.getBoolean("response_met") ? "met" : "missed"), (double) row.getLong("n")); });
        jdbc.query("SELECT sla_state, COUNT(*) AS n FROM ticket WHERE sla_state IN ('MET', 'MISSED') GROUP BY sla_state",
                row -> { values.put("outcome/resolution/" + ("MET".equals(row.getString("sla_state")) ? "met" : "missed"),
                        (double) row.getLong("n")); });
        values.put("jobs/due", (double) management.createJobQuery().executable().active().count());
        values.put("jobs/failed", (double) management.createJobQuery().noRetriesLeft().count());
        for (String type : INCIDENT_TYPES) {
            values.put("incidents/" + type, (double) runtime.createIncidentQuery().incidentType(type).count());
        }
        // pending: still being tried; failing: unsent, the last attempt failed (given up after its attempts too)
        jdbc.query("SELECT SUM(CASE WHEN attempts < ? THEN 1 ELSE 0 END) AS n,"
                + " MIN(CASE WHEN attempts < ? THEN created_at END) AS oldest,"
                + " SUM(CASE WHEN last_error IS NOT NULL THEN 1 ELSE 0 END) AS failing"
                + " FROM notification_outbox WHERE sent_at IS NULL", row -> {
                    values.put("outbox/pending", (double) row.getLong("n"));
                    Timestamp oldest = row.getTimestamp("oldest");
                    values.put("outbox/oldest", oldest == null ? 0.0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
                    values.put("outbox/failing", (double) row.getLong("failing"));
                }, maxAttempts, maxAttempts);
        return new Snapshot(System.nanoTime(), values);
    }
}
