package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.billing.PriceList;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.intake.RegisterTicketDelegate;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.Actor;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.posmaintenance.upgrade.UpgradeProperties;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReplaceTerminal}: the terminal is beyond repair and a replacement, with the
 * latest software, becomes the merchant's terminal (same warranty end and contract); the old record points
 * to it. The replacement is billed as the part {@value #REPLACEMENT_PART} of the price list (free within
 * warranty unless the merchant caused the damage). The merchant is told.
 */
@Component("replaceTerminal")
public class ReplaceTerminalListener implements TaskListener {

    /** The price-list part of a replacement terminal. */
    public static final String REPLACEMENT_PART = "TERMINAL_REPLACEMENT";

    private final MerchantDirectory directory;
    private final UpgradeProperties upgrades;
    private final ServiceHoursCalendar calendar;
    private final PriceList priceList;
    private final MerchantNotifier notifier;
    private final LoanerListener loaner;
    private final TicketRegistry registry;
    private final RepairWork work;
    private final LoanerLendings lendings;
    private final Clock clock;

    public ReplaceTerminalListener(MerchantDirectory directory, UpgradeProperties upgrades, ServiceHoursCalendar calendar,
                                   PriceList priceList, MerchantNotifier notifier, LoanerListener loaner, TicketRegistry registry,
                                   RepairWork work, LoanerLendings lendings, Clock clock) {
        this.directory = directory;
        this.upgrades = upgrades;
        this.calendar = calendar;
        this.priceList = priceList;
        this.notifier = notifier;
        this.loaner = loaner;
        this.registry = registry;
        this.work = work;
        this.lendings = lendings;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        String replacement = input.requiredMatching(REPLACEMENT_SERIAL, RegisterTicketDelegate.SERIAL, "serial");
        String shipping = input.requiredText(REPLACEMENT_SHIPPING_REFERENCE, 64);
        if (directory.terminal(replacement).isPresent()) {
            throw new InvalidTicketInputException(REPLACEMENT_SERIAL, "replacementTaken", replacement);
        }
        if (!priceList.load().hasPart(REPLACEMENT_PART)) {
            throw new IllegalStateException("The price list has no part " + REPLACEMENT_PART + " for a replacement terminal");
        }
        String processInstanceId = task.getProcessInstanceId();
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        Instant now = clock.instant();
        directory.replace(ticket.currentTerminal(), replacement, upgrades.latestVersion(), now, calendar.zone());
        // the merchant is told about the terminal being replaced, before the record names the replacement
        notifier.notify(processInstanceId, TicketJournal.Notification.TERMINAL_REPLACED, Map.of("replacement", replacement,
                "shipping", shipping));
        registry.replaced(processInstanceId, replacement);
        RepairChannel foundBeyondRepair = work.last(ticket.number(), RepairWork.Outcome.BEYOND_REPAIR)
                .map(RepairWork.Step::channel).orElse(RepairChannel.valueOf(ticket.repairChannel()));
        work.record(ticket.number(), foundBeyondRepair, RepairWork.Outcome.REPLACED, List.of(REPLACEMENT_PART), now, Actor.of(task));
        // a copy for Tasklist: from now on the ticket's terminal is the replacement (its version is its record's)
        task.setVariable(TERMINAL_SERIAL, replacement);
        // the broken terminal stays at the centre; the merchant keeps a loaner until the replacement arrives
        task.setVariable(TERMINAL_AT_CENTRE, false);
        if (lendings.of(ticket.number()).filter(LoanerLendings.Lending::out).isPresent()) {
            loaner.expectLoanerBack(task, now);
        }
    }
}
