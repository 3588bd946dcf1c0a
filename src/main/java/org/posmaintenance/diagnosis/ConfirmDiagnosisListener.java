package org.posmaintenance.diagnosis;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.sla.SlaPolicy;
import org.posmaintenance.sla.SlaStateTracker;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ConfirmDiagnosis}, the first response: checks the technician's
 * decision, records whether the response was on time (which settles the ticket's {@code slaState} for
 * the response) and sets the resolution deadlines for the repair stage.
 */
@Component("confirmDiagnosis")
public class ConfirmDiagnosisListener implements TaskListener {

    private final SlaPolicy slaPolicy;
    private final SlaStateTracker slaState;

    public ConfirmDiagnosisListener(SlaPolicy slaPolicy, SlaStateTracker slaState) {
        this.slaPolicy = slaPolicy;
        this.slaState = slaState;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        Severity severity = input.requiredEnum(SEVERITY, Severity.class);
        RepairChannel channel = input.requiredEnum(REPAIR_CHANNEL, RepairChannel.class);
        input.requiredText(DIAGNOSIS_NOTES, 5, 2000);
        input.flag(MERCHANT_CAUSED_DAMAGE);

        Instant now = ClockUtil.getCurrentTime().toInstant();
        Date responseDue = (Date) task.getVariable(RESPONSE_DUE);
        SlaPolicy.ResolutionDeadlines resolution = slaPolicy.resolution(severity, now);
        task.setVariable(SEVERITY, severity.name());
        task.setVariable(REPAIR_CHANNEL, channel.name());
        task.setVariable(FIRST_RESPONSE_AT, Date.from(now));
        boolean responseOnTime = !now.isAfter(responseDue.toInstant());
        task.setVariable(RESPONSE_SLA_MET, responseOnTime);
        slaState.responded(task, responseOnTime);
        task.setVariable(TASK_PRIORITY, Math.max(slaPolicy.taskPriority(severity), task.getPriority()));
        task.setVariable(RESOLUTION_DUE, Date.from(resolution.due()));
        task.setVariable(RESOLUTION_EXTENDED_DUE, Date.from(resolution.extendedDue()));
    }
}
