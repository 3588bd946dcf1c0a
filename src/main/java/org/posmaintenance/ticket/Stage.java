package org.posmaintenance.ticket;

import java.util.Arrays;

import org.posmaintenance.model.ModelContract;

/**
 * Where a ticket stands: the five stages of the maintenance procedure, then closed or cancelled. Each stage but the
 * first starts at an element whose start listener {@code ${stageTracker}} sets the ticket's {@code stage}: an event
 * in the group of the stage, the repair's sub-process. Up to model 1.2.3 every stage was a sub-process; tickets still
 * running on such a version start their stages there.
 */
public enum Stage {
    FAULT_REPORT(null, "SubProcess_FaultReport"),
    DIAGNOSIS(ModelContract.EVENT_DIAGNOSIS_STAGE, "SubProcess_Diagnosis"),
    REPAIR(ModelContract.SUB_PROCESS_REPAIR, ModelContract.SUB_PROCESS_REPAIR),
    SYSTEM_UPGRADE(ModelContract.EVENT_SYSTEM_UPGRADE_STAGE, "SubProcess_SystemUpgrade"),
    FEEDBACK(ModelContract.EVENT_FEEDBACK_STAGE, "SubProcess_Feedback"),
    CLOSED(null, null),
    CANCELLED(null, null);

    private final String startId;
    private final String subProcessUpTo123;

    Stage(String startId, String subProcessUpTo123) {
        this.startId = startId;
        this.subProcessUpTo123 = subProcessUpTo123;
    }

    /** The stage that starts at this element: its event or sub-process, or its sub-process of a model up to 1.2.3. */
    public static Stage startingAt(String activityId) {
        return Arrays.stream(values()).filter(stage -> activityId != null
                        && (activityId.equals(stage.startId) || activityId.equals(stage.subProcessUpTo123))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No stage starts at " + activityId));
    }

    /** Whether the repair is still to be done: the merchant may withdraw the report then. */
    public boolean beforeRepairDone() {
        return this == FAULT_REPORT || this == DIAGNOSIS || this == REPAIR;
    }
}
