package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.Stage;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/** {@code Task_CloseTicket}: the procedure is complete. */
@Component("closeTicket")
public class CloseTicketDelegate implements JavaDelegate {

    private final MerchantNotifier notifier;

    public CloseTicketDelegate(MerchantNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CLOSED_AT, ClockUtil.getCurrentTime());
        execution.setVariable(STAGE, Stage.CLOSED.name());
        notifier.notify(execution, TicketJournal.Notification.TICKET_CLOSED, Map.of());
    }
}
