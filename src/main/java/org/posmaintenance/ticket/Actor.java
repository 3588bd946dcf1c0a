package org.posmaintenance.ticket;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;

/** Who completes a task: the logged-in user (Tasklist, REST), else the task's assignee; null when neither is known. */
public final class Actor {

    private Actor() {
    }

    public static String of(DelegateTask task) {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        return user != null ? user : task.getAssignee();
    }
}
