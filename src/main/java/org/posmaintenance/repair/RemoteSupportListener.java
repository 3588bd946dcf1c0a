package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_RemoteSupport}: the session notes, and whether it fixed the fault. */
@Component("recordRemoteSupport")
public class RemoteSupportListener implements TaskListener {

    /** Media of a remote support session. */
    public enum Medium { VIDEO, PHONE }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        task.setVariable(REMOTE_MEDIUM, input.requiredEnum(REMOTE_MEDIUM, Medium.class).name());
        input.requiredText(REMOTE_SESSION_NOTES, 5, 2000);
        boolean resolved = input.flag(REMOTE_RESOLVED);
        task.setVariable(REMOTE_RESOLVED, resolved);
        if (resolved) {
            task.setVariable(REPAIRED_AT, ClockUtil.getCurrentTime());
        }
    }
}
