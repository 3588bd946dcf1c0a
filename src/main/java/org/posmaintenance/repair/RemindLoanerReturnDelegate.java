package org.posmaintenance.repair;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/** {@code Task_RemindLoanerReturn}: asks the merchant to send the loaner terminal back. */
@Component("remindLoanerReturn")
public class RemindLoanerReturnDelegate implements JavaDelegate {

    private final MerchantNotifier notifier;
    private final TicketRegistry registry;
    private final LoanerLendings lendings;

    public RemindLoanerReturnDelegate(MerchantNotifier notifier, TicketRegistry registry, LoanerLendings lendings) {
        this.notifier = notifier;
        this.registry = registry;
        this.lendings = lendings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String ticketNumber = registry.ofProcess(execution.getProcessInstanceId()).number();
        LoanerLendings.Lending lending = lendings.of(ticketNumber)
                .orElseThrow(() -> new IllegalStateException("No loaner lent on ticket " + ticketNumber));
        notifier.notify(execution.getProcessInstanceId(), TicketJournal.Notification.LOANER_RETURN_REMINDER,
                Map.of("loaner", lending.loanerSerial()));
    }
}
