package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.notification.MerchantNotifier;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.sla.SlaPauses;
import org.posmaintenance.ticket.Actor;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.StaffTexts;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketJournal;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ScheduleVisit}: the appointment must be in the future, inside service hours; it is
 * recorded with the ticket (the merchant is told it when the repair is late). A merchant who cannot be reached is
 * recorded with the attempts made instead: the resolution clock stops until he is reached.
 */
@Component("scheduleVisit")
public class ScheduleVisitListener implements TaskListener {

    private final ServiceHoursCalendar calendar;
    private final TicketRegistry registry;
    private final Clock clock;

    private final SlaPauses pauses;
    private final MerchantNotifier notifier;

    public ScheduleVisitListener(ServiceHoursCalendar calendar, TicketRegistry registry, Clock clock, SlaPauses pauses,
                                 MerchantNotifier notifier) {
        this.pauses = pauses;
        this.notifier = notifier;
        this.calendar = calendar;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        if (input.flag(MERCHANT_UNREACHABLE)) {
            // no appointment: the resolution clock stops until the merchant is reached (Task_ReachMerchant)
            String attempts = input.requiredText(CONTACT_ATTEMPTS, 10, 1000);
            pauses.start(task.getProcessInstanceId(), SlaPauses.Kind.MERCHANT_UNREACHABLE, attempts, Actor.of(task));
            task.setVariable(MERCHANT_UNREACHABLE, true);
            return;
        }
        task.setVariable(MERCHANT_UNREACHABLE, false);
        Instant appointment = input.requiredInstant(VISIT_APPOINTMENT, calendar.zone());
        String address = input.requiredText(VISIT_ADDRESS, 200);
        if (!appointment.isAfter(clock.instant())) {
            throw new InvalidTicketInputException(VISIT_APPOINTMENT, "inFuture");
        }
        if (!calendar.isWithinServiceHours(appointment)) {
            throw new InvalidTicketInputException(VISIT_APPOINTMENT, "outsideServiceHours", calendar.opens(), calendar.closes(),
                    new StaffTexts.Word("timeZone"));
        }
        registry.visit(task.getProcessInstanceId(), appointment);
        notifier.notify(task.getProcessInstanceId(), TicketJournal.Notification.VISIT_AGREED,
                Map.of("visit", calendar.shown(appointment), "address", address));
        // a copy for Cockpit
        task.setVariable(VISIT_AT, Date.from(appointment));
    }
}
