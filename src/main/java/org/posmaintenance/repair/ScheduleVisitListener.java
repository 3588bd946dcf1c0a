package org.posmaintenance.repair;

import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.posmaintenance.ticket.TicketInput;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_ScheduleVisit}: the appointment must be in the future, inside service hours. */
@Component("scheduleVisit")
public class ScheduleVisitListener implements TaskListener {

    private final ServiceHoursCalendar calendar;

    public ScheduleVisitListener(ServiceHoursCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketInput input = TicketInput.of(task);
        Instant appointment = input.requiredInstant(VISIT_APPOINTMENT, calendar.zone());
        input.requiredText(VISIT_ADDRESS, 200);
        if (!appointment.isAfter(ClockUtil.getCurrentTime().toInstant())) {
            throw new InvalidTicketInputException(VISIT_APPOINTMENT, "must be in the future");
        }
        if (!calendar.isWithinServiceHours(appointment)) {
            throw new InvalidTicketInputException(VISIT_APPOINTMENT, "must be inside service hours (workdays "
                    + calendar.opens() + "-" + calendar.closes() + ", " + calendar.zone() + ")");
        }
        task.setVariable(VISIT_AT, Date.from(appointment));
    }
}
