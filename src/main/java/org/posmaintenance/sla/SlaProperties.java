package org.posmaintenance.sla;

import java.time.Duration;

import org.posmaintenance.diagnosis.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pos.sla}: when the response warning is due and the Tasklist priorities. The targets themselves
 * are the decision table {@code SlaTargets} (see {@link SlaTargets}).
 */
@ConfigurationProperties("pos.sla")
public record SlaProperties(int warningAtPercent, Priority priority, Pause pause) {

    public SlaProperties {
        if (warningAtPercent <= 0 || warningAtPercent >= 100) {
            throw new IllegalArgumentException("pos.sla.warning-at-percent must be between 1 and 99");
        }
        if (pause == null) {
            pause = new Pause(Duration.ofDays(3));
        }
    }

    /** @param approvalAfter a pause longer than this counts beyond it only once a supervisor approves it */
    public record Pause(Duration approvalAfter) {
        public Pause {
            if (approvalAfter == null || approvalAfter.isNegative() || approvalAfter.isZero()) {
                throw new IllegalArgumentException("pos.sla.pause.approval-after must be a positive duration such as 3d");
            }
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
