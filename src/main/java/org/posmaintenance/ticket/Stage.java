package org.posmaintenance.ticket;

import java.util.Arrays;

import org.posmaintenance.model.ModelContract;

/**
 * Where a ticket stands: the five stages of the maintenance procedure, one expanded sub-process each
 * (whose start listener {@code ${stageTracker}} sets the ticket's {@code stage}), then closed or cancelled.
 */
public enum Stage {
    FAULT_REPORT(ModelContract.SUB_PROCESS_FAULT_REPORT),
    DIAGNOSIS(ModelContract.SUB_PROCESS_DIAGNOSIS),
    REPAIR(ModelContract.SUB_PROCESS_REPAIR),
    SYSTEM_UPGRADE(ModelContract.SUB_PROCESS_SYSTEM_UPGRADE),
    FEEDBACK(ModelContract.SUB_PROCESS_FEEDBACK),
    CLOSED(null),
    CANCELLED(null);

    private final String subProcessId;

    Stage(String subProcessId) {
        this.subProcessId = subProcessId;
    }

    /** The stage whose sub-process has this id. */
    public static Stage ofSubProcess(String activityId) {
        return Arrays.stream(values()).filter(stage -> activityId != null && activityId.equals(stage.subProcessId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No stage starts at " + activityId));
    }

    /** Whether the repair is still to be done: the merchant may withdraw the report then. */
    public boolean beforeRepairDone() {
        return this == FAULT_REPORT || this == DIAGNOSIS || this == REPAIR;
    }
}
