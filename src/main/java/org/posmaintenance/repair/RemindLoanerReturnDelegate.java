package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/** {@code Task_RemindLoanerReturn}: asks the merchant to send the loaner terminal back. */
@Component("remindLoanerReturn")
public class RemindLoanerReturnDelegate implements JavaDelegate {

    private final MerchantNotifier notifier;

    public RemindLoanerReturnDelegate(MerchantNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.notify(execution, TicketJournal.Notification.LOANER_RETURN_REMINDER,
                Map.of("loaner", (String) execution.getVariable(LOANER_SERIAL)));
    }
}
