package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.billing.PriceList;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.ticket.Actor;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_RepairOnSite} and {@code Task_RepairAtCentre}: the repair report and its
 * outcome, recorded as work on the ticket. Repaired: the parts replaced, each a code of the price list (billing
 * takes them from the record). A part not in stock, or a terminal
 * beyond repair, are business outcomes: the BPMN errors {@code PART_UNAVAILABLE} and {@code BEYOND_REPAIR},
 * which the model catches at the task (order the part; send a replacement).
 */
@Component("recordRepair")
public class RepairReportListener implements TaskListener {

    /** The outcome of a repair. */
    public enum Outcome {
        REPAIRED, PART_UNAVAILABLE, BEYOND_REPAIR,
        /** On site only: the merchant asked to postpone the visit; the resolution clock stops until the new appointment. */
        VISIT_POSTPONED
    }

    /** Where a repair that waits for a part goes on. */
    public enum Site { ON_SITE, CENTRE }

    private final PriceList priceList;
    private final TicketRegistry registry;
    private final RepairWork work;
    private final Clock clock;

    public RepairReportListener(PriceList priceList, TicketRegistry registry, RepairWork work, Clock clock) {
        this.priceList = priceList;
        this.registry = registry;
        this.work = work;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        // absent: tickets whose form predates the outcome (model 1.1.0) only report repairs
        Outcome outcome = task.getVariable(REPAIR_OUTCOME) == null ? Outcome.REPAIRED
                : input.requiredEnum(REPAIR_OUTCOME, Outcome.class);
        boolean atCentre = TASK_REPAIR_AT_CENTRE.equals(task.getTaskDefinitionKey());
        if (outcome == Outcome.VISIT_POSTPONED) {
            if (atCentre) {
                throw new InvalidTicketInputException(REPAIR_OUTCOME, "postponeOnlyOnSite");
            }
            // the visit is postponed, nothing repaired: ${slaPause.visitPostponed()} recorded it; the next repair report
            // states its own outcome
            task.removeVariable(REPAIR_OUTCOME);
            return;
        }
        input.requiredText(REPAIR_REPORT, 5, 2000);
        task.setVariable(REPAIR_OUTCOME, outcome.name());
        RepairChannel channel = atCentre ? RepairChannel.MAIL_IN : RepairChannel.ON_SITE;
        String ticketNumber = registry.ofProcess(task.getProcessInstanceId()).number();
        switch (outcome) {
            case REPAIRED -> {
                List<String> parts = input.codes(PARTS_REPLACED);
                for (String part : parts) {
                    requirePart(PARTS_REPLACED, part);
                }
                work.record(ticketNumber, channel, RepairWork.Outcome.REPAIRED, parts, clock.instant(), Actor.of(task));
            }
            case PART_UNAVAILABLE -> {
                String part = input.requiredText(PART_NEEDED, 64);
                requirePart(PART_NEEDED, part);
                work.record(ticketNumber, channel, RepairWork.Outcome.PART_UNAVAILABLE, List.of(part), clock.instant(),
                        Actor.of(task));
                // for the part order's form, and where the repair goes on once the part is in; the next repair
                // report states its own outcome (its form would otherwise show this one)
                task.setVariable(PART_NEEDED, part);
                task.removeVariable(REPAIR_OUTCOME);
                task.setVariable(REPAIR_SITE, (atCentre ? Site.CENTRE : Site.ON_SITE).name());
                throw new BpmnError(ERROR_PART_UNAVAILABLE, "Part " + part + " is not in stock");
            }
            case BEYOND_REPAIR -> {
                work.record(ticketNumber, channel, RepairWork.Outcome.BEYOND_REPAIR, List.of(), clock.instant(), Actor.of(task));
                throw new BpmnError(ERROR_BEYOND_REPAIR, "The terminal of ticket " + ticketNumber + " is beyond repair");
            }
            case VISIT_POSTPONED -> throw new IllegalStateException("handled above");
        }
    }

    private void requirePart(String field, String part) {
        if (!priceList.load().hasPart(part)) {
            throw new InvalidTicketInputException(field, "notAPart", part);
        }
    }
}
