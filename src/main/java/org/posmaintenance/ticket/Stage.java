package org.posmaintenance.ticket;

import java.util.Arrays;

/** The five stages of the maintenance procedure, one expanded sub-process each, and the end. */
public enum Stage {
    FAULT_REPORT("SubProcess_FaultReport"),
    DIAGNOSIS("SubProcess_Diagnosis"),
    REPAIR("SubProcess_Repair"),
    SYSTEM_UPGRADE("SubProcess_SystemUpgrade"),
    FEEDBACK("SubProcess_Feedback"),
    CLOSED("EndEvent_TicketClosed");

    private final String activityId;

    Stage(String activityId) {
        this.activityId = activityId;
    }

    public String activityId() {
        return activityId;
    }

    public static Stage ofActivity(String activityId) {
        return Arrays.stream(values()).filter(stage -> stage.activityId.equals(activityId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No stage starts at " + activityId));
    }
}
