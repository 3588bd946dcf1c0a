package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.billing.PriceList;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_RepairOnSite} and {@code Task_RepairAtCentre}: the repair report and its
 * outcome. Repaired: the parts replaced, each a code of the price list. A part not in stock, or a terminal
 * beyond repair, are business outcomes: the BPMN errors {@code PART_UNAVAILABLE} and {@code BEYOND_REPAIR},
 * which the model catches at the task (order the part; send a replacement).
 */
@Component("recordRepair")
public class RepairReportListener implements TaskListener {

    /** The outcome of a repair. */
    public enum Outcome { REPAIRED, PART_UNAVAILABLE, BEYOND_REPAIR }

    /** Where a repair that waits for a part goes on. */
    public enum Site { ON_SITE, CENTRE }

    private final PriceList priceList;
    private final TicketJournal journal;

    public RepairReportListener(PriceList priceList, TicketJournal journal) {
        this.priceList = priceList;
        this.journal = journal;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        // absent: tickets whose form predates the outcome (model 1.1.0) only report repairs
        Outcome outcome = task.getVariable(REPAIR_OUTCOME) == null ? Outcome.REPAIRED
                : input.requiredEnum(REPAIR_OUTCOME, Outcome.class);
        input.requiredText(REPAIR_REPORT, 5, 2000);
        task.setVariable(REPAIR_OUTCOME, outcome.name());
        switch (outcome) {
            case REPAIRED -> {
                List<String> parts = input.codes(PARTS_REPLACED);
                for (String part : parts) {
                    requirePart(PARTS_REPLACED, part);
                }
                task.setVariable(PARTS_REPLACED, journal.toJson(parts));
                task.setVariable(REPAIRED_AT, ClockUtil.getCurrentTime());
            }
            case PART_UNAVAILABLE -> {
                String part = input.requiredText(PART_NEEDED, 64);
                requirePart(PART_NEEDED, part);
                task.setVariable(PART_NEEDED, part);
                task.setVariable(REPAIR_SITE, (TASK_REPAIR_AT_CENTRE.equals(task.getTaskDefinitionKey()) ? Site.CENTRE : Site.ON_SITE).name());
                throw new BpmnError(ERROR_PART_UNAVAILABLE, "Part " + part + " is not in stock");
            }
            case BEYOND_REPAIR -> throw new BpmnError(ERROR_BEYOND_REPAIR, "Terminal " + task.getVariable(TERMINAL_SERIAL)
                    + " is beyond repair");
        }
    }

    private void requirePart(String field, String part) {
        if (!priceList.load().hasPart(part)) {
            throw new InvalidTicketInputException(field, "'" + part + "' is not a part of the price list");
        }
    }
}
