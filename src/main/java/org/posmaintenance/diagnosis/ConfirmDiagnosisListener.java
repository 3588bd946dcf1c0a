package org.posmaintenance.diagnosis;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.sla.SlaDeadlines;
import org.posmaintenance.sla.SlaPolicy;
import org.posmaintenance.sla.SlaStateTracker;
import org.posmaintenance.ticket.Actor;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ConfirmDiagnosis}, the first response: checks the technician's
 * decision, records it in the ticket's record with whether the response was on time (which settles the
 * service-level state for the response, against the deadline in the record) and sets the resolution deadlines
 * for the repair stage.
 */
@Component("confirmDiagnosis")
public class ConfirmDiagnosisListener implements TaskListener {

    private final SlaPolicy slaPolicy;
    private final SlaStateTracker slaState;
    private final TicketRegistry registry;
    private final Clock clock;
    private final SlaDeadlines deadlines;

    public ConfirmDiagnosisListener(SlaPolicy slaPolicy, SlaStateTracker slaState, TicketRegistry registry, Clock clock,
                                    SlaDeadlines deadlines) {
        this.deadlines = deadlines;
        this.slaPolicy = slaPolicy;
        this.slaState = slaState;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        Severity severity = input.requiredEnum(SEVERITY, Severity.class);
        RepairChannel channel = input.requiredEnum(REPAIR_CHANNEL, RepairChannel.class);
        input.requiredText(DIAGNOSIS_NOTES, 5, 2000);
        boolean merchantCausedDamage = input.flag(MERCHANT_CAUSED_DAMAGE);

        String processInstanceId = task.getProcessInstanceId();
        Instant now = clock.instant();
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        Instant responseDue = ticket.responseDue();
        SlaPolicy.ResolutionDeadlines resolution = slaPolicy.resolution(severity, ticket.reportedAt(), now, responseDue);
        boolean responseOnTime = !now.isAfter(responseDue);
        TicketRegistry.Changes responded = registry.responded(registry.changes(), severity.name(), channel.name(),
                merchantCausedDamage, now, Actor.of(task), responseOnTime, resolution.due(), resolution.extendedDue());
        deadlines.resolutionSet(responded, ticket, resolution);
        slaState.responded(responded, task, responseOnTime);
        registry.apply(processInstanceId, responded);
        // copies for the gateways, Tasklist's columns, the due dates and the timers
        task.setVariable(SEVERITY, severity.name());
        task.setVariable(REPAIR_CHANNEL, channel.name());
        task.setVariable(MERCHANT_CAUSED_DAMAGE, merchantCausedDamage);
        task.setVariable(TASK_PRIORITY, Math.max(slaPolicy.taskPriority(severity), task.getPriority()));
        task.setVariable(RESOLUTION_DUE, Date.from(resolution.due()));
        task.setVariable(RESOLUTION_EXTENDED_DUE, Date.from(resolution.extendedDue()));
        SlaDeadlines.showProvisional(task, deadlines.provisional(processInstanceId));
    }
}
