package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.billing.PriceList;
import org.posmaintenance.intake.RegisterTicketDelegate;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
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
    private final TicketJournal journal;

    public ReplaceTerminalListener(MerchantDirectory directory, UpgradeProperties upgrades, ServiceHoursCalendar calendar,
                                   PriceList priceList, MerchantNotifier notifier, LoanerListener loaner, TicketJournal journal) {
        this.directory = directory;
        this.upgrades = upgrades;
        this.calendar = calendar;
        this.priceList = priceList;
        this.notifier = notifier;
        this.loaner = loaner;
        this.journal = journal;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        String replacement = input.requiredMatching(REPLACEMENT_SERIAL, RegisterTicketDelegate.SERIAL, "a terminal serial");
        String shipping = input.requiredText(REPLACEMENT_SHIPPING_REFERENCE, 64);
        if (directory.terminal(replacement).isPresent()) {
            throw new InvalidTicketInputException(REPLACEMENT_SERIAL, "terminal '" + replacement + "' is already a merchant's");
        }
        if (!priceList.load().hasPart(REPLACEMENT_PART)) {
            throw new IllegalStateException("The price list has no part " + REPLACEMENT_PART + " for a replacement terminal");
        }
        String old = (String) task.getVariable(TERMINAL_SERIAL);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        directory.replace(old, replacement, upgrades.latestVersion(), now, calendar.zone());
        notifier.notify(task, TicketJournal.Notification.TERMINAL_REPLACED, Map.of("replacement", replacement,
                "shipping", shipping));
        // from now on the ticket's steps (upgrade check, billing) concern the replacement
        task.setVariable(TERMINAL_SERIAL, replacement);
        task.setVariable(SOFTWARE_VERSION, upgrades.latestVersion());
        task.setVariable(PARTS_REPLACED, journal.toJson(List.of(REPLACEMENT_PART)));
        task.setVariable(REPAIRED_AT, Date.from(now));
        if (Boolean.TRUE.equals(task.getVariable(TERMINAL_AT_CENTRE))) {
            // the broken terminal stays at the centre; the merchant keeps the loaner until the replacement arrives
            task.setVariable(TERMINAL_AT_CENTRE, false);
            task.setVariable(TERMINAL_RETURNED_AT, Date.from(now));
        }
        if (Boolean.TRUE.equals(task.getVariable(LOANER_OUT))) {
            loaner.expectLoanerBack(task, now);
        }
    }
}
