package org.posmaintenance.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${ticketEnded}}, the end listener of the process up to version 1.1.0: tickets started on those
 * versions still call it when they end. It does nothing any more: {@link TicketEndHistory} closes the ticket
 * record for every version, however the process instance ends. The guard does not allow it in new models.
 */
@Component("ticketEnded")
public class TicketEndListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        // see TicketEndHistory
    }
}
