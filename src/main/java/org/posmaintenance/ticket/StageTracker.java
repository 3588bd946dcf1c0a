package org.posmaintenance.ticket;

import org.posmaintenance.model.ModelContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.posmaintenance.sla.SlaStateTracker;
import org.springframework.stereotype.Component;

/**
 * Start listener of each stage: keeps the ticket's {@code stage} variable current. The service-level
 * state follows two stage changes: it is measured from the start of the diagnosis, and settled when the
 * repair stage is done, that is when the system upgrade stage starts.
 */
@Component("stageTracker")
public class StageTracker implements ExecutionListener {

    private final SlaStateTracker slaState;

    public StageTracker(SlaStateTracker slaState) {
        this.slaState = slaState;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Stage stage = Stage.ofSubProcess(execution.getCurrentActivityId());
        execution.setVariable(ModelContract.STAGE, stage.name());
        switch (stage) {
            case DIAGNOSIS -> slaState.startMeasuring(execution);
            case SYSTEM_UPGRADE -> slaState.repairStageDone(execution);
            default -> { }
        }
    }
}
