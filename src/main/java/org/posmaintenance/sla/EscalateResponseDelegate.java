package org.posmaintenance.sla;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.posmaintenance.model.ModelContract;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EscalateResponseSla}: the first response is late. The waiting diagnosis task gets the
 * escalated priority and the supervisors' group as candidates; the technicians keep it. The ticket's
 * {@code slaState} becomes BREACHED.
 */
@Component("escalateResponse")
public class EscalateResponseDelegate implements JavaDelegate {


    private final TaskService tasks;
    private final SlaPolicy slaPolicy;
    private final SlaStateTracker slaState;

    public EscalateResponseDelegate(TaskService tasks, SlaPolicy slaPolicy, SlaStateTracker slaState) {
        this.tasks = tasks;
        this.slaPolicy = slaPolicy;
        this.slaState = slaState;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Task> waiting = tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ModelContract.TASK_CONFIRM_DIAGNOSIS)
                .list();
        for (Task task : waiting) {
            tasks.setPriority(task.getId(), slaPolicy.escalatedTaskPriority());
            tasks.addCandidateGroup(task.getId(), ModelContract.SUPERVISORS);
        }
        slaState.record(execution.getProcessInstanceId(), execution, TicketJournal.SlaEvent.RESPONSE_BREACHED,
                "First response overdue; escalated to " + ModelContract.SUPERVISORS);
    }
}
