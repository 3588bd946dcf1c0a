package org.posmaintenance.sla;

import java.time.Duration;
import java.util.Map;

import org.posmaintenance.diagnosis.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pos.sla}: the service-level targets per severity. */
@ConfigurationProperties("pos.sla")
public record SlaProperties(int warningAtPercent, Map<Severity, Target> targets, Priority priority) {

    public SlaProperties {
        if (warningAtPercent <= 0 || warningAtPercent >= 100) {
            throw new IllegalArgumentException("pos.sla.warning-at-percent must be between 1 and 99");
        }
        for (Severity severity : Severity.values()) {
            if (targets == null || !targets.containsKey(severity)) {
                throw new IllegalArgumentException("pos.sla.targets." + severity + " is missing");
            }
        }
    }

    public Target target(Severity severity) {
        return targets.get(severity);
    }

    /** Targets of one severity. */
    public record Target(Duration response, SlaClock responseClock,
                         Duration resolution, SlaClock resolutionClock, Duration extension) {
    }

    /** Tasklist priorities: per severity, and for a ticket whose SLA was breached. */
    public record Priority(int normal, int urgent, int major, int escalated) {

        public int of(Severity severity) {
            return switch (severity) {
                case NORMAL -> normal;
                case URGENT -> urgent;
                case MAJOR -> major;
            };
        }
    }
}
