package org.posmaintenance.upgrade;

import static org.posmaintenance.model.ModelContract.*;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_UpgradeTerminal}: the installed version must be at least the latest one;
 * it becomes the software version in the terminal's record, in the transaction of the completion.
 */
@Component("recordUpgrade")
public class RecordUpgradeListener implements TaskListener {

    private final MerchantDirectory directory;

    public RecordUpgradeListener(MerchantDirectory directory) {
        this.directory = directory;
    }


    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        SoftwareVersion installed = SoftwareVersion.parse(
                input.requiredMatching(INSTALLED_VERSION, SoftwareVersion.FORMAT, "a software version such as 3.4.0"));
        input.optionalText(UPGRADE_NOTES, 1000);
        SoftwareVersion latest = SoftwareVersion.parse((String) task.getVariable(LATEST_SOFTWARE_VERSION));
        if (installed.isOlderThan(latest)) {
            throw new InvalidTicketInputException(INSTALLED_VERSION,
                    installed + " is older than the latest version " + latest);
        }
        task.setVariable(SOFTWARE_VERSION, installed.toString());
        directory.updateSoftwareVersion((String) task.getVariable(TERMINAL_SERIAL), installed.toString());
        task.setVariable(UPGRADED_AT, ClockUtil.getCurrentTime());
    }
}
