package org.posmaintenance.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.model.ModelContract;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * {@code Task_WarnResponseSlaAtRisk}, {@code Task_RecordRepairOverdue}: records the service-level
 * event named by the task's input parameter {@code slaEvent}, which moves the ticket's {@code slaState}.
 */
@Component("recordSlaEvent")
public class RecordSlaEventDelegate implements JavaDelegate {

    static final String EVENT_PARAMETER = ModelContract.SLA_EVENT;

    private final SlaStateTracker slaState;

    public RecordSlaEventDelegate(SlaStateTracker slaState) {
        this.slaState = slaState;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object event = execution.getVariableLocal(EVENT_PARAMETER);
        if (event == null) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " has no input parameter " + EVENT_PARAMETER);
        }
        TicketJournal.SlaEvent kind = TicketJournal.SlaEvent.valueOf(event.toString());
        if (TicketJournal.RECORDED_BY_APPLICATION.contains(kind.name())) {
            // moves and pauses are recorded by the application with what moved; a model records breaches only
            throw new IllegalStateException(execution.getCurrentActivityId() + ": " + EVENT_PARAMETER + " " + kind
                    + " is recorded by the application, not by a model");
        }
        slaState.record(execution.getProcessInstanceId(), execution, kind, execution.getCurrentActivityName());
    }
}
