package org.posmaintenance.billing;

import static org.posmaintenance.ticket.TicketVariables.*;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/** {@code Task_BillParts}: prices the repair and keeps the itemised bill with the ticket. */
@Component("billParts")
public class BillPartsDelegate implements JavaDelegate {

    private final PartsBilling billing;
    private final TicketJournal journal;

    public BillPartsDelegate(PartsBilling billing, TicketJournal journal) {
        this.billing = billing;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketInput input = TicketInput.of(execution);
        Bill bill = billing.bill(new PartsBilling.Repair(
                input.codes(PARTS_REPLACED),
                channelsUsed(execution),
                input.flag(WARRANTY_IN_PERIOD),
                input.flag(MERCHANT_CAUSED_DAMAGE),
                input.flag(MAINTENANCE_INCLUDED)));
        execution.setVariable(WARRANTY_COVERED, bill.warrantyCovered());
        execution.setVariable(BILL, journal.toJson(bill));
        execution.setVariable(BILL_TOTAL, bill.total().toPlainString());
    }

    /** The ways the terminal was worked on, read from what each repair task recorded. */
    static Set<RepairChannel> channelsUsed(DelegateExecution execution) {
        Set<RepairChannel> used = EnumSet.noneOf(RepairChannel.class);
        if (execution.hasVariable(REMOTE_SESSION_NOTES)) {
            used.add(RepairChannel.REMOTE);
        }
        if (execution.hasVariable(VISIT_AT)) {
            used.add(RepairChannel.ON_SITE);
        }
        if (execution.hasVariable(LOANER_LENT_AT)) {
            used.add(RepairChannel.MAIL_IN);
        }
        return used;
    }
}
