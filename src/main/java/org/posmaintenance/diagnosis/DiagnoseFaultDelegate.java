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
import org.posmaintenance.sla.SlaDeadlines;
import org.posmaintenance.sla.SlaPolicy;
import org.posmaintenance.ticket.TicketRegistry;
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
    private final TicketRegistry registry;
    private final SlaDeadlines deadlines;

    public DiagnoseFaultDelegate(FaultTriage triage, SlaPolicy slaPolicy, ServiceHoursCalendar calendar,
                                 MerchantDirectory directory, TicketRegistry registry, SlaDeadlines deadlines) {
        this.deadlines = deadlines;
        this.registry = registry;
        this.triage = triage;
        this.slaPolicy = slaPolicy;
        this.calendar = calendar;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketRegistry.Ticket ticket = registry.ofProcess(execution.getProcessInstanceId());
        FaultCategory category = FaultCategory.valueOf(ticket.report().faultCategory());
        Instant reportedAt = ticket.reportedAt();
        Terminal terminal = directory.terminal(ticket.currentTerminal())
                .orElseThrow(() -> new IllegalStateException("No terminal " + ticket.currentTerminal() + " for ticket " + ticket.number()));

        FaultTriage.Result proposal = triage.classify(category, ticket.report().paymentsBlocked());
        SlaPolicy.ResponseDeadlines response = slaPolicy.response(proposal.severity(), reportedAt);
        boolean inWarranty = terminal.inWarrantyOn(reportedAt.atZone(calendar.zone()).toLocalDate());
        TicketRegistry.Changes diagnosed = registry.diagnosed(registry.changes(), proposal.severity().name(),
                proposal.repairChannel().name(), inWarranty, response.warningAt(), response.due());
        registry.apply(execution.getProcessInstanceId(), deadlines.responseSet(diagnosed, response));

        // the proposal as the form's first values, Tasklist's columns, the due date and the timers (the proposal itself
        // and the warranty are the record's: the form shows them from there)
        execution.setVariable(SEVERITY, proposal.severity().name());
        execution.setVariable(REPAIR_CHANNEL, proposal.repairChannel().name());
        execution.setVariable(TASK_PRIORITY, slaPolicy.taskPriority(proposal.severity()));
        execution.setVariable(RESPONSE_WARNING_AT, Date.from(response.warningAt()));
        execution.setVariable(RESPONSE_DUE, Date.from(response.due()));
        SlaDeadlines.showProvisional(execution, response.provisional());
    }
}
