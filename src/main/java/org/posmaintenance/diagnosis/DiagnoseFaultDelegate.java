package org.posmaintenance.diagnosis;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.intake.FaultCategory;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.merchant.Terminal;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.sla.SlaPolicy;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/**
 * {@code Task_DiagnoseFault}: proposes severity and repair channel, checks the warranty period in the
 * terminal's record and sets the first-response deadlines that the timers and the technician's due
 * date use.
 */
@Component("diagnoseFault")
public class DiagnoseFaultDelegate implements JavaDelegate {

    private final FaultTriage triage;
    private final SlaPolicy slaPolicy;
    private final ServiceHoursCalendar calendar;
    private final MerchantDirectory directory;

    public DiagnoseFaultDelegate(FaultTriage triage, SlaPolicy slaPolicy, ServiceHoursCalendar calendar,
                                 MerchantDirectory directory) {
        this.triage = triage;
        this.slaPolicy = slaPolicy;
        this.calendar = calendar;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketInput input = TicketInput.of(execution);
        FaultCategory category = input.requiredEnum(FAULT_CATEGORY, FaultCategory.class);
        Instant reportedAt = ((Date) execution.getVariable(REPORTED_AT)).toInstant();
        String serial = (String) execution.getVariable(TERMINAL_SERIAL);
        Terminal terminal = directory.terminal(serial)
                .orElseThrow(() -> new IllegalStateException("No terminal " + serial + " for ticket " + execution.getBusinessKey()));

        FaultTriage.Result proposal = triage.classify(category, input.flag(PAYMENTS_BLOCKED));
        SlaPolicy.ResponseDeadlines response = slaPolicy.response(proposal.severity(), reportedAt);
        boolean inWarranty = terminal.inWarrantyOn(reportedAt.atZone(calendar.zone()).toLocalDate());

        execution.setVariable(PROPOSED_SEVERITY, proposal.severity().name());
        execution.setVariable(PROPOSED_REPAIR_CHANNEL, proposal.repairChannel().name());
        execution.setVariable(SEVERITY, proposal.severity().name());
        execution.setVariable(REPAIR_CHANNEL, proposal.repairChannel().name());
        execution.setVariable(WARRANTY_UNTIL, Date.from(terminal.warrantyUntil().atStartOfDay(calendar.zone()).toInstant()));
        execution.setVariable(WARRANTY_IN_PERIOD, inWarranty);
        execution.setVariable(TASK_PRIORITY, slaPolicy.taskPriority(proposal.severity()));
        execution.setVariable(RESPONSE_WARNING_AT, Date.from(response.warningAt()));
        execution.setVariable(RESPONSE_DUE, Date.from(response.due()));
    }
}
