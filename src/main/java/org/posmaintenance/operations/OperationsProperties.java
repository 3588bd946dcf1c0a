package org.posmaintenance.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the operators' health checks ({@code pos.operations}).
 *
 * @param outboxDegradedAfter a notification still unsent this long after it was written makes the node's readiness
 *                            DEGRADED (the sender or the mail server is stuck)
 * @param metricsRefresh      the ticket and job figures of the metrics are read from the database at most this often,
 *                            however often Prometheus scrapes
 */
@ConfigurationProperties("pos.operations")
public record OperationsProperties(Duration outboxDegradedAfter, Duration metricsRefresh) {

    public OperationsProperties {
        if (outboxDegradedAfter == null) {
            outboxDegradedAfter = Duration.ofMinutes(15);
        }
        if (metricsRefresh == null) {
            metricsRefresh = Duration.ofSeconds(15);
        }
    }
}
