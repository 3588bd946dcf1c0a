package org.posmaintenance.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.posmaintenance.notification.NotificationProperties;
import org.posmaintenance.sla.calendar.CalendarNotices;
import org.posmaintenance.sla.calendar.CalendarProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the node's readiness checks besides the database (Spring Boot's {@code db}): {@code jobExecutor} (the engine's
 * job executor acquires jobs, unless switched off by configuration), {@code outbox} (DEGRADED when a notification still being
 * tried waits longer than {@code pos.operations.outbox-degraded-after}) and {@code serviceCalendar} (WARNING when the official
 * holiday notices end within {@code pos.calendar.warn-before}, DEGRADED once they have ended). DEGRADED and WARNING
 * answer HTTP 200 (the node serves; somebody has to look), DOWN answers 503 (the load balancer takes the node out).
 */
@Configuration
class OperationsHealth {

    static final Status DEGRADED = new Status("DEGRADED");
    static final Status WARNING = new Status("WARNING");

    @Bean
    HealthIndicator jobExecutorHealthIndicator(ProcessEngine engine,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        return () -> {
            if (!enabled) {
                return Health.up().withDetail("enabled", false).build();
            }
            JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
            return (executor != null && executor.isActive() ? Health.up() : Health.down())
                    .withDetail("enabled", true).withDetail("acquiring", executor != null && executor.isActive()).build();
        };
    }

    @Bean
    HealthIndicator outboxHealthIndicator(JdbcTemplate jdbc, Clock clock, OperationsProperties properties,
                                          NotificationProperties notifications) {
        return () -> {
            // still being tried; one given up after its attempts is an incident in Cockpit (givenUp)
            Instant now = clock.instant();
            Integer pending = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE sent_at IS NULL AND attempts < ?",
                    Integer.class, notifications.maxAttempts());
            Integer givenUp = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE sent_at IS NULL AND attempts >= ?",
                    Integer.class, notifications.maxAttempts());
            Timestamp oldest = jdbc.queryForObject("SELECT MIN(created_at) FROM notification_outbox WHERE sent_at IS NULL"
                    + " AND attempts < ?", Timestamp.class, notifications.maxAttempts());
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
            return Health.status(age.compareTo(properties.outboxDegradedAfter()) > 0 ? DEGRADED : Status.UP)
                    .withDetail("pending", pending == null ? 0 : pending)
                    .withDetail("givenUp", givenUp == null ? 0 : givenUp)
                    .withDetail("oldestPendingSeconds", Math.max(0, age.toSeconds()))
                    .withDetail("degradedAfterSeconds", properties.outboxDegradedAfter().toSeconds()).build();
        };
    }

    @Bean
    HealthIndicator serviceCalendarHealthIndicator(CalendarNotices notices, CalendarProperties properties) {
        return () -> {
            CalendarNotices.Coverage coverage = notices.coverage(properties);
            Status status = switch (coverage.state()) {
                case "OK" -> Status.UP;
                case "WARNING" -> WARNING;
                default -> DEGRADED; // EXPIRED: deadlines on days without official notice are provisional
            };
            return Health.status(status).withDetail("state", coverage.state())
                    .withDetail("officialUntil", String.valueOf(coverage.officialUntil()))
                    .withDetail("yearNeeded", coverage.yearNeeded()).build();
        };
    }
}
