package org.posmaintenance.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener of each stage: keeps the ticket's {@code stage} variable current. */
@Component("stageTracker")
public class StageTracker implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(TicketVariables.STAGE, Stage.ofActivity(execution.getCurrentActivityId()).name());
    }
}
