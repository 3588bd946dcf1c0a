package org.posmaintenance.billing;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.merchant.Terminal;
import org.posmaintenance.repair.LoanerLendings;
import org.posmaintenance.repair.RepairWork;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code Task_BillParts}: prices the repair from the ticket's record (the parts of the repair that fixed or
 * replaced the terminal, the ways it was worked on, warranty and damage as diagnosed) and keeps the itemised
 * bill in the record. Whether maintenance is included comes from the terminal's contract.
 */
@Component("billParts")
public class BillPartsDelegate implements JavaDelegate {

    private final PartsBilling billing;
    private final MerchantDirectory directory;
    private final TicketRegistry registry;
    private final RepairWork work;
    private final BillRecords bills;
    private final LoanerLendings lendings;
    private final Clock clock;

    public BillPartsDelegate(PartsBilling billing, MerchantDirectory directory, TicketRegistry registry, RepairWork work,
                             BillRecords bills, LoanerLendings lendings, Clock clock) {
        this.billing = billing;
        this.directory = directory;
        this.registry = registry;
        this.work = work;
        this.bills = bills;
        this.lendings = lendings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketRegistry.Ticket ticket = registry.ofProcess(execution.getProcessInstanceId());
        Terminal terminal = directory.terminal(ticket.currentTerminal())
                .orElseThrow(() -> new IllegalStateException("No terminal " + ticket.currentTerminal() + " for ticket " + ticket.number()));
        boolean maintenanceIncluded = terminal.contract().maintenanceIncluded();
        Bill bill = billing.bill(new PartsBilling.Repair(
                work.partsReplaced(ticket.number()),
                work.channelsUsed(ticket.number()),
                Boolean.TRUE.equals(ticket.warrantyInPeriod()),
                Boolean.TRUE.equals(ticket.merchantCausedDamage()),
                maintenanceIncluded));
        bills.save(ticket.number(), bill, maintenanceIncluded, clock.instant());
        // routing: whether the loaner return follows the repair, from the ticket's loaner lending
        execution.setVariable(LOANER_OUT, lendings.of(ticket.number()).filter(LoanerLendings.Lending::out).isPresent());
    }
}
