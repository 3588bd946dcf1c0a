package org.posmaintenance.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * End listener of the process: the ticket is no longer open, whether it closed normally or was
 * cancelled, so the merchant may report the next fault of that terminal.
 */
@Component("ticketEnded")
public class TicketEndListener implements ExecutionListener {

    private final TicketRegistry registry;

    public TicketEndListener(TicketRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        registry.markClosed(execution.getProcessInstanceId(), ClockUtil.getCurrentTime().toInstant());
    }
}
