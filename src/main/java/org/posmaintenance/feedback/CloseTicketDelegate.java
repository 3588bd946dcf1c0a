package org.posmaintenance.feedback;

import static org.posmaintenance.ticket.TicketVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.ticket.Stage;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/** {@code Task_CloseTicket}: the procedure is complete. */
@Component("closeTicket")
public class CloseTicketDelegate implements JavaDelegate {

    private final TicketJournal journal;

    public CloseTicketDelegate(TicketJournal journal) {
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CLOSED_AT, ClockUtil.getCurrentTime());
        execution.setVariable(STAGE, Stage.CLOSED.name());
        journal.notifyMerchant(execution, TicketJournal.Notification.TICKET_CLOSED,
                "Ticket " + execution.getVariable(TICKET_NUMBER) + " is closed. Thank you.", null);
    }
}
