package org.posmaintenance.repair;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pos.repair}.
 *
 * @param loanerReminderCycle ISO-8601 repeating interval of the reminders to return a loaner terminal while the
 *                            repaired one is on its way back, e.g. {@code R3/P2D}
 */
@ConfigurationProperties("pos.repair")
public record RepairProperties(String loanerReminderCycle) {
}
