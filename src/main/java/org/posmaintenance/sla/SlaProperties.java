package org.posmaintenance.sla;

import org.posmaintenance.diagnosis.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pos.sla}: when the response warning is due and the Tasklist priorities. The targets themselves
 * are the decision table {@code SlaTargets} (see {@link SlaTargets}).
 */
@ConfigurationProperties("pos.sla")
public record SlaProperties(int warningAtPercent, Priority priority) {

    public SlaProperties {
        if (warningAtPercent <= 0 || warningAtPercent >= 100) {
            throw new IllegalArgumentException("pos.sla.warning-at-percent must be between 1 and 99");
        }
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
