package org.posmaintenance.sla.calendar;

import static org.posmaintenance.model.ModelContract.*;

import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.posmaintenance.sla.ServiceHoursCalendar;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hooks of the process {@code ServiceCalendarWatch}: every morning, while the official notices end within
 * {@code pos.calendar.warn-before}, a warning in the log, and a task for managers unless one is open; the task
 * cannot be completed before the notice is in (entering it completes the task).
 */
@Configuration
class CalendarWatch {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarWatch.class);

    @Bean("checkCalendarCoverage")
    JavaDelegate checkCalendarCoverage(CalendarNotices notices, CalendarProperties properties, TaskService tasks,
                                       ServiceHoursCalendar calendar) {
        return execution -> check(execution, notices.coverage(properties), tasks, calendar.zone());
    }

    @Bean("holidayNoticeEntered")
    TaskListener holidayNoticeEntered(CalendarNotices notices, CalendarProperties properties) {
        return task -> {
            CalendarNotices.Coverage coverage = notices.coverage(properties);
            Object needed = task.getVariable(CALENDAR_YEAR_NEEDED);
            int year = needed instanceof Number number ? number.intValue() : coverage.yearNeeded();
            if (coverage.officialUntil() == null || coverage.officialUntil().getYear() < year) {
                throw new InvalidTicketInputException(CALENDAR_YEAR_NEEDED, "holidayNoticeMissing", year);
            }
        };
    }

    private static void check(DelegateExecution execution, CalendarNotices.Coverage coverage, TaskService tasks, ZoneId zone) {
        boolean warn = !"OK".equals(coverage.state());
        boolean open = tasks.createTaskQuery().taskDefinitionKey(TASK_ENTER_HOLIDAY_NOTICE).count() > 0;
        if (warn) {
            LOG.warn("Holiday calendar: the official notices {}; enter the State Council's notice for {} at /calendar/."
                            + " Deadlines on its days are provisional until then.",
                    coverage.officialUntil() == null ? "do not cover this year" : "end on " + coverage.officialUntil(),
                    coverage.yearNeeded());
        }
        execution.setVariable(CALENDAR_NOTICE_NEEDED, warn && !open);
        execution.setVariable(CALENDAR_YEAR_NEEDED, coverage.yearNeeded());
        execution.setVariable(CALENDAR_OFFICIAL_UNTIL, coverage.officialUntil() == null ? null
                : Date.from(coverage.officialUntil().plusDays(1).atStartOfDay(zone).toInstant()));
        execution.setVariable(CALENDAR_OFFICIAL_LAST_DAY, coverage.officialUntil() == null ? "—" : coverage.officialUntil().toString());
    }
}
