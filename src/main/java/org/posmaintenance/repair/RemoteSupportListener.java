package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.ticket.Actor;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_RemoteSupport}: the session notes, and whether it fixed the fault; the session is
 * recorded as work on the ticket (which bills it), and {@code remoteResolved} routes the ticket on.
 */
@Component("recordRemoteSupport")
public class RemoteSupportListener implements TaskListener {

    /** Media of a remote support session. */
    public enum Medium { VIDEO, PHONE }

    private final TicketRegistry registry;
    private final RepairWork work;
    private final Clock clock;

    public RemoteSupportListener(TicketRegistry registry, RepairWork work, Clock clock) {
        this.registry = registry;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        task.setVariable(REMOTE_MEDIUM, input.requiredEnum(REMOTE_MEDIUM, Medium.class).name());
        input.requiredText(REMOTE_SESSION_NOTES, 5, 2000);
        boolean resolved = input.flag(REMOTE_RESOLVED);
        task.setVariable(REMOTE_RESOLVED, resolved);
        if (input.flag(UPGRADE_NOW)) {
            task.setVariable(UPGRADE_NOW, true); // as a boolean, whatever form the client sent it in; absent means no
        }
        work.record(registry.ofProcess(task.getProcessInstanceId()).number(), RepairChannel.REMOTE,
                resolved ? RepairWork.Outcome.REPAIRED : RepairWork.Outcome.NOT_FIXED, List.of(), clock.instant(), Actor.of(task));
    }
}
