package org.posmaintenance.upgrade;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_UpgradeTerminal}: the installed version must be at least the latest one;
 * it becomes the software version in the terminal's record, in the transaction of the completion.
 */
@Component("recordUpgrade")
public class RecordUpgradeListener implements TaskListener {

    private final MerchantDirectory directory;
    private final UpgradeProperties properties;
    private final TicketRegistry registry;
    private final Clock clock;

    public RecordUpgradeListener(MerchantDirectory directory, UpgradeProperties properties, TicketRegistry registry, Clock clock) {
        this.directory = directory;
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        SoftwareVersion installed = SoftwareVersion.parse(
                input.requiredMatching(INSTALLED_VERSION, SoftwareVersion.FORMAT, "softwareVersion"));
        input.optionalText(UPGRADE_NOTES, 1000);
        // the version the check step found latest and the form shows (set by the code; a task cannot write it)
        Object shown = task.getVariable(LATEST_SOFTWARE_VERSION);
        SoftwareVersion latest = SoftwareVersion.parse(shown instanceof String version ? version : properties.latestVersion());
        if (installed.isOlderThan(latest)) {
            throw new InvalidTicketInputException(INSTALLED_VERSION,
                    "olderVersion", installed, latest);
        }
        Instant now = clock.instant();
        TicketRegistry.Ticket ticket = registry.ofProcess(task.getProcessInstanceId());
        directory.updateSoftwareVersion(ticket.currentTerminal(), installed.toString());
        registry.upgraded(task.getProcessInstanceId(), installed.toString(), now);
        // a copy for Cockpit (the version is the terminal's record)
        task.setVariable(UPGRADED_AT, Date.from(now));
    }
}
