package org.posmaintenance.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pos.service-hours}: when the service works, in the service region's time zone. The holidays and make-up
 * workdays are the calendar in the database (managers keep it at {@code /calendar/}); {@code holidays} and
 * {@code extra-workdays}, which releases before 0.3 read, are no longer read (a warning says so at start).
 */
@ConfigurationProperties("pos.service-hours")
public record ServiceHoursProperties(ZoneId zone, LocalTime opens, LocalTime closes,
                                     Set<DayOfWeek> workingDays, Set<LocalDate> holidays,
                                     Set<LocalDate> extraWorkdays) {

    public ServiceHoursCalendar toCalendar(DaySource days) {
        return new ServiceHoursCalendar(zone, opens, closes, workingDays, days);
    }

    /** Whether the settings still list holidays or make-up workdays, which are not read any more. */
    public boolean listsDays() {
        return holidays != null && !holidays.isEmpty() || extraWorkdays != null && !extraWorkdays.isEmpty();
    }
}
