package org.posmaintenance.cancellation;

import static org.posmaintenance.model.ModelContract.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.repair.LoanerLendings;
import org.posmaintenance.ticket.Stage;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseCancelledTicket}, the first step of the ticket's cancellation (the record is closed
 * already, by {@link TicketCancellations}): the merchant is told, with the reason and, when a loaner is out,
 * the request to return it; whether the repair centre has terminals to settle.
 */
@Component("cancelTicket")
public class CancelTicketDelegate implements JavaDelegate {

    private final TicketRegistry registry;
    private final MerchantNotifier notifier;
    private final LoanerLendings lendings;

    public CancelTicketDelegate(TicketRegistry registry, MerchantNotifier notifier, LoanerLendings lendings) {
        this.registry = registry;
        this.notifier = notifier;
        this.lendings = lendings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketRegistry.Ticket ticket = registry.ofProcess(execution.getProcessInstanceId());
        LoanerLendings.Lending loaner = lendings.of(ticket.number()).filter(LoanerLendings.Lending::out).orElse(null);
        boolean loanerOut = loaner != null;
        // routing state set by the repair centre's steps: the merchant's terminal is at the centre
        boolean terminalAtCentre = Boolean.TRUE.equals(execution.getVariable(TERMINAL_AT_CENTRE));
        registry.stage(execution.getProcessInstanceId(), Stage.CANCELLED);
        execution.setVariable(LOANER_OUT, loanerOut);
        execution.setVariable(CANCEL_REASON, ticket.endReason());
        execution.setVariable(TERMINALS_TO_SETTLE, loanerOut || terminalAtCentre);
        Map<String, String> values = new HashMap<>();
        values.put("reason", ticket.endReason() == null ? "" : ticket.endReason());
        Map<String, String> texts = new HashMap<>();
        if (loanerOut) {
            values.put("loaner", loaner.loanerSerial());
            texts.put("loanerRequest", TicketJournal.Notification.TICKET_CANCELLED + ".loanerRequest");
        } else {
            values.put("loanerRequest", "");
        }
        notifier.notify(execution.getProcessInstanceId(), TicketJournal.Notification.TICKET_CANCELLED, values, texts, null);
    }
}
