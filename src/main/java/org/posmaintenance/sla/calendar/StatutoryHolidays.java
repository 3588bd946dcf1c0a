package org.posmaintenance.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/**
 * The public holidays of mainland China that the law fixes for every year (national holiday regulations as revised
 * in 2024, in force since 2025), for a year whose official notice has not been entered yet: New Year's Day; Spring
 * Festival eve and the first three days of the first lunar month; Qingming, the day the sun reaches 15 degrees of
 * ecliptic longitude; Labour Day, 1 and 2 May; Dragon Boat, the 5th day of the 5th lunar month; Mid-Autumn, the
 * 15th day of the 8th lunar month; National Day, 1 to 3 October.
 *
 * <p>The regulations give a holiday that falls on a Saturday or Sunday back on the next working day; this calendar
 * adds those days after each festival. The yearly notice usually moves more days (bridge days and make-up
 * workdays), which no rule predicts: deadlines computed on these days are provisional.
 *
 * <p>Lunar dates and the solar term come from lunar-java, which computes them astronomically in China Standard
 * Time (ICU4J's Chinese calendar was tried first: it puts the Spring Festival of 2027 and 2030 a day off).
 */
public final class StatutoryHolidays {

    /** The solar term Qingming (pure brightness) in lunar-java's table of solar terms. */
    private static final String QINGMING = "清明";

    /** A day off: its date and the festival it belongs to. */
    public record Holiday(LocalDate date, String name) {
    }

    private StatutoryHolidays() {
    }

    /**
     * The statutory holidays of {@code year}, with the days given back for those on a weekend, in date order.
     *
     * @throws IllegalArgumentException for a year before 2025 (other regulations applied) or after 2200
     */
    public static List<Holiday> of(int year) {
        if (year < 2025 || year > 2200) {
            throw new IllegalArgumentException("Statutory holidays are computed for the years 2025 to 2200, not " + year);
        }
        LocalDate springFestival = lunar(year, 1, 1);
        List<List<Holiday>> festivals = List.of(
                days("元旦 New Year's Day", LocalDate.of(year, 1, 1), 1),
                days("春节 Spring Festival", springFestival.minusDays(1), 4),
                days("清明节 Qingming", qingming(year), 1),
                days("劳动节 Labour Day", LocalDate.of(year, 5, 1), 2),
                days("端午节 Dragon Boat Festival", lunar(year, 5, 5), 1),
                days("中秋节 Mid-Autumn Festival", lunar(year, 8, 15), 1),
                days("国庆节 National Day", LocalDate.of(year, 10, 1), 3));
        Set<LocalDate> taken = new TreeSet<>();
        festivals.forEach(festival -> festival.forEach(day -> taken.add(day.date())));
        List<Holiday> holidays = new ArrayList<>();
        Set<LocalDate> listed = new TreeSet<>();
        for (List<Holiday> festival : festivals) {
            // a festival on another's day (Mid-Autumn on 1 to 3 October) is that day once
            festival.stream().filter(day -> listed.add(day.date())).forEach(holidays::add);
            long onWeekend = festival.stream().filter(day -> weekend(day.date())).count();
            LocalDate candidate = festival.get(festival.size() - 1).date();
            for (long given = 0; given < onWeekend; ) {
                candidate = candidate.plusDays(1);
                if (!weekend(candidate) && taken.add(candidate)) {
                    holidays.add(new Holiday(candidate, festival.get(0).name() + " (day in lieu)"));
                    given++;
                }
            }
        }
        holidays.sort((a, b) -> a.date().compareTo(b.date()));
        return List.copyOf(holidays);
    }

    /** The Gregorian date of a day of a (not leap) month in the Chinese year that begins in {@code gregorianYear}. */
    static LocalDate lunar(int gregorianYear, int month, int day) {
        return date(Lunar.fromYmd(gregorianYear, month, day).getSolar());
    }

    /** Qingming: the day, in China, on which the sun's ecliptic longitude reaches 15 degrees. */
    static LocalDate qingming(int year) {
        Solar qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable().get(QINGMING);
        LocalDate date = date(qingming);
        if (date.getYear() != year) {
            throw new IllegalStateException("Qingming of " + year + " computed in " + date);
        }
        return date;
    }

    private static LocalDate date(Solar solar) {
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }

    private static List<Holiday> days(String name, LocalDate first, int count) {
        List<Holiday> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(new Holiday(first.plusDays(i), name));
        }
        return days;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
