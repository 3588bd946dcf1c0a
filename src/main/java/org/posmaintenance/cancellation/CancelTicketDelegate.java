package org.posmaintenance.cancellation;

import static org.posmaintenance.model.ModelContract.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.notification.MerchantNotifier;
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

    public CancelTicketDelegate(TicketRegistry registry, MerchantNotifier notifier) {
        this.registry = registry;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketRegistry.Ticket ticket = registry.findByProcessInstance(execution.getProcessInstanceId())
                .orElseThrow(() -> new IllegalStateException("No ticket record for process instance " + execution.getProcessInstanceId()));
        boolean loanerOut = Boolean.TRUE.equals(execution.getVariable(LOANER_OUT));
        boolean terminalAtCentre = Boolean.TRUE.equals(execution.getVariable(TERMINAL_AT_CENTRE));
        execution.setVariable(STAGE, Stage.CANCELLED.name());
        execution.setVariable(CANCEL_REASON, ticket.endReason());
        execution.setVariable(TERMINALS_TO_SETTLE, loanerOut || terminalAtCentre);
        Map<String, String> values = new HashMap<>();
        values.put("reason", ticket.endReason() == null ? "" : ticket.endReason());
        Map<String, String> texts = new HashMap<>();
        if (loanerOut) {
            values.put("loaner", (String) execution.getVariable(LOANER_SERIAL));
            texts.put("loanerRequest", TicketJournal.Notification.TICKET_CANCELLED + ".loanerRequest");
        } else {
            values.put("loanerRequest", "");
        }
        notifier.notify(execution, TicketJournal.Notification.TICKET_CANCELLED, values, texts, null);
    }
}
