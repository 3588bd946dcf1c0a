package org.posmaintenance.sla;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.posmaintenance.diagnosis.RepairChannel;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code Task_NotifyMerchantOfDelay}: the repair missed its resolution target. The merchant is told
 * the plan and the new estimated time of repair, which is the extended deadline (from the ticket's record).
 * The ticket's service-level state becomes BREACHED.
 */
@Component("notifyMerchantOfDelay")
public class NotifyMerchantOfDelayDelegate implements JavaDelegate {


    private final ServiceHoursCalendar calendar;
    private final SlaStateTracker slaState;
    private final MerchantNotifier notifier;
    private final TicketRegistry registry;

    public NotifyMerchantOfDelayDelegate(ServiceHoursCalendar calendar, SlaStateTracker slaState, MerchantNotifier notifier,
                                         TicketRegistry registry) {
        this.calendar = calendar;
        this.slaState = slaState;
        this.notifier = notifier;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String processInstanceId = execution.getProcessInstanceId();
        TicketRegistry.Ticket ticket = registry.ofProcess(processInstanceId);
        Instant eta = ticket.resolutionExtendedDue();
        registry.eta(processInstanceId, eta);
        slaState.record(processInstanceId, execution, TicketJournal.SlaEvent.RESOLUTION_MISSED, "Resolution target missed");
        notifier.notify(processInstanceId, TicketJournal.Notification.RESOLUTION_DELAYED,
                Map.of("eta", calendar.shown(eta)),
                plan(RepairChannel.valueOf(ticket.repairChannel()), ticket), eta);
    }

    /** Which plan text of the notification applies. */
    private static String plan(RepairChannel channel, TicketRegistry.Ticket ticket) {
        return switch (channel) {
            case REMOTE -> "REMOTE";
            case ON_SITE -> ticket.visitAt() != null ? "ON_SITE_AGREED" : "ON_SITE_TO_AGREE";
            case MAIL_IN -> "MAIL_IN";
        };
    }
}
