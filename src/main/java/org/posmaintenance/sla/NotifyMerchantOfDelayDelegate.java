package org.posmaintenance.sla;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyMerchantOfDelay}: the repair missed its resolution target. The merchant is told
 * the plan and the new estimated time of repair, which is the extended deadline. The ticket's
 * {@code slaState} becomes BREACHED.
 */
@Component("notifyMerchantOfDelay")
public class NotifyMerchantOfDelayDelegate implements JavaDelegate {

    private static final DateTimeFormatter ETA_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ServiceHoursCalendar calendar;
    private final SlaStateTracker slaState;
    private final MerchantNotifier notifier;

    public NotifyMerchantOfDelayDelegate(ServiceHoursCalendar calendar, SlaStateTracker slaState, MerchantNotifier notifier) {
        this.calendar = calendar;
        this.slaState = slaState;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RepairChannel channel = TicketInput.of(execution).requiredEnum(REPAIR_CHANNEL, RepairChannel.class);
        Instant eta = ((Date) execution.getVariable(RESOLUTION_EXTENDED_DUE)).toInstant();
        execution.setVariable(RESOLUTION_ETA, Date.from(eta));
        slaState.record(execution, TicketJournal.SlaEvent.RESOLUTION_MISSED, "Resolution target missed");
        notifier.notify(execution, TicketJournal.Notification.RESOLUTION_DELAYED,
                Map.of("eta", ETA_FORMAT.format(eta.atZone(calendar.zone())) + " (" + calendar.zone() + ")"),
                plan(channel, execution), eta);
    }

    /** Which plan text of the notification applies. */
    private static String plan(RepairChannel channel, DelegateExecution execution) {
        return switch (channel) {
            case REMOTE -> "REMOTE";
            case ON_SITE -> execution.hasVariable(VISIT_AT) ? "ON_SITE_AGREED" : "ON_SITE_TO_AGREE";
            case MAIL_IN -> "MAIL_IN";
        };
    }
}
