package org.posmaintenance.sla;

import static org.posmaintenance.ticket.TicketVariables.*;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyMerchantOfDelay}: the repair missed its resolution target. The merchant is told
 * the plan and the new estimated time of repair, which is the extended deadline.
 */
@Component("notifyMerchantOfDelay")
public class NotifyMerchantOfDelayDelegate implements JavaDelegate {

    private static final DateTimeFormatter ETA_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ServiceHoursCalendar calendar;
    private final TicketJournal journal;

    public NotifyMerchantOfDelayDelegate(ServiceHoursCalendar calendar, TicketJournal journal) {
        this.calendar = calendar;
        this.journal = journal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RepairChannel channel = TicketInput.of(execution).requiredEnum(REPAIR_CHANNEL, RepairChannel.class);
        Instant eta = ((Date) execution.getVariable(RESOLUTION_EXTENDED_DUE)).toInstant();
        String message = "Your terminal is not repaired yet. Plan: " + plan(channel, execution)
                + " Estimated time of repair: " + ETA_FORMAT.format(eta.atZone(calendar.zone()))
                + " (" + calendar.zone() + ").";
        execution.setVariable(RESOLUTION_ETA, Date.from(eta));
        journal.recordSlaEvent(execution, TicketJournal.SlaEvent.RESOLUTION_MISSED, "Resolution target missed");
        journal.notifyMerchant(execution, TicketJournal.Notification.RESOLUTION_DELAYED, message, eta);
    }

    private static String plan(RepairChannel channel, DelegateExecution execution) {
        return switch (channel) {
            case REMOTE -> "a technician continues the remote support session and comes on site if needed.";
            case ON_SITE -> execution.hasVariable(VISIT_AT)
                    ? "a technician repairs the terminal on site at the agreed appointment."
                    : "a technician calls you to agree an on-site appointment.";
            case MAIL_IN -> "the repair centre repairs your terminal; keep using the loaner terminal meanwhile.";
        };
    }
}
