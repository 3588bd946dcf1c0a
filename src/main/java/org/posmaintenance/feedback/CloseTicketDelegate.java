package org.posmaintenance.feedback;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
    private final Clock clock;

    public CloseTicketDelegate(MerchantNotifier notifier, TicketRegistry registry, Clock clock) {
        this.notifier = notifier;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        String processInstanceId = execution.getProcessInstanceId();
        registry.stage(processInstanceId, Stage.CLOSED);
        registry.markEnded(processInstanceId, now, TicketRegistry.Outcome.CLOSED, null, null);
        notifier.notify(processInstanceId, TicketJournal.Notification.TICKET_CLOSED, Map.of());
    }
}
