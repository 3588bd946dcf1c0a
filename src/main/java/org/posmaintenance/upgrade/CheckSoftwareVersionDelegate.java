package org.posmaintenance.upgrade;

import static org.posmaintenance.ticket.TicketVariables.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckSoftwareVersion}: compares the terminal's software with the latest version and,
 * when it is behind, schedules the upgrade in the next window outside the merchant's trading hours.
 */
@Component("checkSoftwareVersion")
public class CheckSoftwareVersionDelegate implements JavaDelegate {


    private final UpgradeProperties properties;
    private final ServiceHoursCalendar calendar;

    public CheckSoftwareVersionDelegate(UpgradeProperties properties, ServiceHoursCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketInput input = TicketInput.of(execution);
        SoftwareVersion installed = SoftwareVersion.parse(
                input.requiredMatching(SOFTWARE_VERSION, SoftwareVersion.FORMAT, "a software version such as 3.2.1"));
        SoftwareVersion latest = SoftwareVersion.parse(properties.latestVersion());
        boolean needed = installed.isOlderThan(latest);
        execution.setVariable(LATEST_SOFTWARE_VERSION, latest.toString());
        execution.setVariable(UPGRADE_NEEDED, needed);
        if (needed) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            UpgradeWindow.Slot slot = UpgradeWindow.next(now, calendar.zone(),
                    input.optionalText(MERCHANT_OPENING_HOURS, 11), properties.windowStart(), properties.windowEnd());
            execution.setVariable(UPGRADE_WINDOW_START, Date.from(slot.start()));
            execution.setVariable(UPGRADE_WINDOW_END, Date.from(slot.end()));
        }
    }
}
