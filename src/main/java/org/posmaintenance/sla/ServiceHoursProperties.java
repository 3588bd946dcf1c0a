package org.posmaintenance.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pos.service-hours}: when the service works, in the service region's time zone. */
@ConfigurationProperties("pos.service-hours")
public record ServiceHoursProperties(ZoneId zone, LocalTime opens, LocalTime closes,
                                     Set<DayOfWeek> workingDays, Set<LocalDate> holidays,
                                     Set<LocalDate> extraWorkdays) {

    public ServiceHoursCalendar toCalendar() {
        return new ServiceHoursCalendar(zone, opens, closes, workingDays,
                holidays == null ? Set.of() : holidays, extraWorkdays == null ? Set.of() : extraWorkdays);
    }
}
