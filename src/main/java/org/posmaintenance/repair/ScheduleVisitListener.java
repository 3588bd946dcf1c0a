package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ScheduleVisit}: the appointment must be in the future, inside service hours; it is
 * recorded with the ticket (the merchant is told it when the repair is late).
 */
@Component("scheduleVisit")
public class ScheduleVisitListener implements TaskListener {

    private final ServiceHoursCalendar calendar;
    private final TicketRegistry registry;
    private final Clock clock;

    public ScheduleVisitListener(ServiceHoursCalendar calendar, TicketRegistry registry, Clock clock) {
        this.calendar = calendar;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        Instant appointment = input.requiredInstant(VISIT_APPOINTMENT, calendar.zone());
        input.requiredText(VISIT_ADDRESS, 200);
        if (!appointment.isAfter(clock.instant())) {
            throw new InvalidTicketInputException(VISIT_APPOINTMENT, "must be in the future");
        }
        if (!calendar.isWithinServiceHours(appointment)) {
            throw new InvalidTicketInputException(VISIT_APPOINTMENT, "must be inside service hours (workdays "
                    + calendar.opens() + "-" + calendar.closes() + ", " + calendar.zone() + ")");
        }
        registry.visit(task.getProcessInstanceId(), appointment);
        // a copy for Cockpit
        task.setVariable(VISIT_AT, Date.from(appointment));
    }
}
