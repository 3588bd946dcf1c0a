package org.posmaintenance.repair;

import static org.posmaintenance.ticket.TicketVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.billing.PriceList;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_RepairOnSite} and {@code Task_RepairAtCentre}: the repair report and the
 * parts replaced, each a code of the price list.
 */
@Component("recordRepair")
public class RepairReportListener implements TaskListener {

    private final PriceList priceList;
    private final TicketJournal journal;

    public RepairReportListener(PriceList priceList, TicketJournal journal) {
        this.priceList = priceList;
        this.journal = journal;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        input.requiredText(REPAIR_REPORT, 5, 2000);
        List<String> parts = input.codes(PARTS_REPLACED);
        for (String part : parts) {
            if (!priceList.load().hasPart(part)) {
                throw new InvalidTicketInputException(PARTS_REPLACED, "'" + part + "' is not a part of the price list");
            }
        }
        task.setVariable(PARTS_REPLACED, journal.toJson(parts));
        task.setVariable(REPAIRED_AT, ClockUtil.getCurrentTime());
    }
}
