package org.posmaintenance.repair;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pos.repair}: the collection of a loaner terminal the merchant still has after the repair.
 *
 * @param loanerReminderCycle    ISO-8601 repeating interval of the reminders to the merchant, e.g. {@code R3/P2D}
 * @param loanerOverdueAfter     after this long (from the repaired terminal's return) the repair centre chases it
 * @param loanerEscalationAfter  after this long a manager decides whether to write it off
 */
@ConfigurationProperties("pos.repair")
public record RepairProperties(String loanerReminderCycle, Duration loanerOverdueAfter, Duration loanerEscalationAfter) {

    public RepairProperties {
        if (loanerOverdueAfter == null || loanerEscalationAfter == null || loanerEscalationAfter.compareTo(loanerOverdueAfter) <= 0) {
            throw new IllegalArgumentException("pos.repair.loaner-escalation-after must be longer than pos.repair.loaner-overdue-after");
        }
    }
}
