package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.Stage;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseTicket}: the procedure is complete. The ticket record closes here, even when a manager's
 * review of an overdue repair (started by a non-interrupting timer) is still open and ends the process later.
 */
@Component("closeTicket")
public class CloseTicketDelegate implements JavaDelegate {

    private final MerchantNotifier notifier;
    private final TicketRegistry registry;

    public CloseTicketDelegate(MerchantNotifier notifier, TicketRegistry registry) {
        this.notifier = notifier;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date now = ClockUtil.getCurrentTime();
        execution.setVariable(CLOSED_AT, now);
        execution.setVariable(STAGE, Stage.CLOSED.name());
        registry.markEnded(execution.getProcessInstanceId(), now.toInstant(), TicketRegistry.Outcome.CLOSED, null, null);
        notifier.notify(execution, TicketJournal.Notification.TICKET_CLOSED, Map.of());
    }
}
