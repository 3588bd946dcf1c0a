package org.posmaintenance.sla;

import java.time.LocalDate;
import java.util.Set;

/**
 * Where a {@link ServiceHoursCalendar} learns how the days of a year differ from the regular week: the holidays,
 * the make-up workdays, and whether they come from the year's official notice or are provisional.
 */
@FunctionalInterface
public interface DaySource {

    /** The days of {@code year}; never null. */
    YearDays year(int year);

    /**
     * The days of one year that differ from the regular week.
     *
     * @param official whether they are the year's official notice; otherwise a provisional calendar
     * @param holidays dates off even if they fall on a regular working day
     * @param workdays dates worked even if they fall on a regular day off (make-up workdays)
     */
    record YearDays(int year, boolean official, Set<LocalDate> holidays, Set<LocalDate> workdays) {

        public YearDays {
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
        }
    }

    /** The same dates for every year, all official: a calendar fixed in code or configuration. */
    static DaySource fixed(Set<LocalDate> holidays, Set<LocalDate> workdays) {
        Set<LocalDate> off = Set.copyOf(holidays);
        Set<LocalDate> on = Set.copyOf(workdays);
        return year -> new YearDays(year, true, off, on);
    }
}
