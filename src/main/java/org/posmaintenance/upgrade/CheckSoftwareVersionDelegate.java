package org.posmaintenance.upgrade;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.merchant.Merchant;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.merchant.Terminal;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckSoftwareVersion}: compares the software in the terminal's record with the latest
 * version and, when it is behind, schedules the upgrade in the next window outside the merchant's
 * opening hours (from the merchant's record).
 */
@Component("checkSoftwareVersion")
public class CheckSoftwareVersionDelegate implements JavaDelegate {

    private final UpgradeProperties properties;
    private final ServiceHoursCalendar calendar;
    private final MerchantDirectory directory;
    private final TicketRegistry registry;
    private final Clock clock;
    private final MerchantNotifier notifier;

    /** When the merchant agrees to the upgrade right away, the technician upgrades the terminal within this time. */
    static final Duration UPGRADE_NOW_WITHIN = Duration.ofHours(1);

    public CheckSoftwareVersionDelegate(UpgradeProperties properties, ServiceHoursCalendar calendar,
                                        MerchantDirectory directory, TicketRegistry registry, Clock clock,
                                        MerchantNotifier notifier) {
        this.notifier = notifier;
        this.registry = registry;
        this.properties = properties;
        this.calendar = calendar;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketRegistry.Ticket ticket = registry.ofProcess(execution.getProcessInstanceId());
        String serial = ticket.currentTerminal();
        Terminal terminal = directory.terminal(serial)
                .orElseThrow(() -> new IllegalStateException("No terminal " + serial + " for ticket " + ticket.number()));
        Merchant merchant = directory.merchant(terminal.merchantId()).orElseThrow();
        SoftwareVersion installed = SoftwareVersion.parse(terminal.softwareVersion());
        SoftwareVersion latest = SoftwareVersion.parse(properties.latestVersion());
        boolean needed = installed.isOlderThan(latest);
        // routing, and for the upgrade form the version to install (the installed one is the terminal's record)
        execution.setVariable(UPGRADE_NEEDED, needed);
        if (needed) {
            execution.setVariable(LATEST_SOFTWARE_VERSION, latest.toString());
            Instant now = clock.instant();
            // the merchant agreed at the remote session to have it now: the window opens at once
            boolean agreedNow = Boolean.TRUE.equals(execution.getVariable(UPGRADE_NOW));
            UpgradeWindow.Slot slot = agreedNow ? new UpgradeWindow.Slot(now, now.plus(UPGRADE_NOW_WITHIN))
                    : UpgradeWindow.next(now, calendar.zone(), merchant.openingHours(), properties.windowStart(), properties.windowEnd());
            execution.setVariable(UPGRADE_WINDOW_START, Date.from(slot.start()));
            execution.setVariable(UPGRADE_WINDOW_END, Date.from(slot.end()));
            notifier.notify(execution.getProcessInstanceId(), TicketJournal.Notification.UPGRADE_PLANNED,
                    Map.of("from", calendar.shown(slot.start()), "to", calendar.shown(slot.end())),
                    Map.of("when", agreedNow ? "UPGRADE_PLANNED.now" : "UPGRADE_PLANNED.window"), null);
        }
    }
}
