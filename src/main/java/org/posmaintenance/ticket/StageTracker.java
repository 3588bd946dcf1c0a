package org.posmaintenance.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.posmaintenance.sla.SlaStateTracker;
import org.springframework.stereotype.Component;

/**
 * Start listener of the element where each stage starts ({@link Stage}): keeps the ticket's stage in its record
 * current. The service-level state follows two stage changes: it is measured from the start of the diagnosis, and
 * settled when the repair stage is done, that is when the system upgrade stage starts.
 */
@Component("stageTracker")
public class StageTracker implements ExecutionListener {

    private final SlaStateTracker slaState;
    private final TicketRegistry registry;

    public StageTracker(SlaStateTracker slaState, TicketRegistry registry) {
        this.slaState = slaState;
        this.registry = registry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Stage stage = Stage.startingAt(execution.getCurrentActivityId());
        String processInstanceId = execution.getProcessInstanceId();
        // the first stage starts with the process, before the ticket is registered; the registration records it (the
        // sub-process of a model up to 1.2.3 still calls this listener)
        if (stage == Stage.FAULT_REPORT) {
            return;
        }
        TicketRegistry.Changes changes = registry.stage(registry.changes(), stage);
        switch (stage) {
            case DIAGNOSIS -> slaState.startMeasuring(changes, execution);
            case SYSTEM_UPGRADE -> slaState.repairStageDone(processInstanceId, changes, execution);
            default -> { }
        }
        registry.apply(processInstanceId, changes);
    }
}
