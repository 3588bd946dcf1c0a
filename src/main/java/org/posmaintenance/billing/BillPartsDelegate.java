package org.posmaintenance.billing;

import static org.posmaintenance.model.ModelContract.*;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.merchant.Terminal;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * {@code Task_BillParts}: prices the repair and keeps the itemised bill with the ticket. Whether
 * maintenance is included comes from the terminal's contract.
 */
@Component("billParts")
public class BillPartsDelegate implements JavaDelegate {

    private final PartsBilling billing;
    private final TicketJournal journal;
    private final MerchantDirectory directory;

    public BillPartsDelegate(PartsBilling billing, TicketJournal journal, MerchantDirectory directory) {
        this.billing = billing;
        this.journal = journal;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketInput input = TicketInput.of(execution);
        String serial = (String) execution.getVariable(TERMINAL_SERIAL);
        Terminal terminal = directory.terminal(serial)
                .orElseThrow(() -> new IllegalStateException("No terminal " + serial + " for ticket " + execution.getBusinessKey()));
        Bill bill = billing.bill(new PartsBilling.Repair(
                input.codes(PARTS_REPLACED),
                channelsUsed(execution),
                input.flag(WARRANTY_IN_PERIOD),
                input.flag(MERCHANT_CAUSED_DAMAGE),
                terminal.contract().maintenanceIncluded()));
        execution.setVariable(MAINTENANCE_INCLUDED, terminal.contract().maintenanceIncluded());
        execution.setVariable(WARRANTY_COVERED, bill.warrantyCovered());
        execution.setVariable(BILL, journal.toJson(bill));
        execution.setVariable(BILL_TOTAL, bill.total().toPlainString());
        if (!execution.hasVariable(LOANER_OUT)) {
            // a ticket started before model 1.2.0 and moved to it: the loaner return after the repair needs this
            execution.setVariable(LOANER_OUT, execution.hasVariable(LOANER_LENT_AT) && !execution.hasVariable(LOANER_RETURNED_AT));
        }
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
