package org.posmaintenance.sla.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.posmaintenance.sla.DaySource;
import org.springframework.stereotype.Component;

/**
 * The days of each year as the service-hours calendar counts them: the official notice entered for the year, or,
 * for a year without one, the statutory holidays ({@link StatutoryHolidays}), provisionally.
 *
 * <p>The notices are read from the database and kept for {@link #REFRESH}; a change made on this node is seen at
 * once, one made on another node of a cluster within that time.
 */
@Component
public class CalendarDays implements DaySource {

    /** How long the notices read from the database are used before they are read again. */
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final CalendarStore store;
    private final Map<Integer, YearDays> provisional = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    private record Snapshot(Map<Integer, YearDays> official, long readAtNanos) {
    }

    public CalendarDays(CalendarStore store) {
        this.store = store;
    }

    @Override
    public YearDays year(int year) {
        YearDays official = current().official().get(year);
        return official != null ? official : provisional.computeIfAbsent(year, CalendarDays::statutory);
    }

    /** The years with an official notice. */
    public Set<Integer> officialYears() {
        return current().official().keySet();
    }

    /**
     * The last day the official notices cover without a gap from {@code today}'s year on; empty when this year
     * itself has no notice.
     */
    public Optional<LocalDate> officialUntil(LocalDate today) {
        Set<Integer> years = officialYears();
        int year = today.getYear();
        if (!years.contains(year)) {
            return Optional.empty();
        }
        while (years.contains(year + 1)) {
            year++;
        }
        return Optional.of(LocalDate.of(year, 12, 31));
    }

    /** Reads the notices again at the next use (after a change on this node). */
    public void changed() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAtNanos() > REFRESH.toNanos()) {
            Map<Integer, YearDays> official = new ConcurrentHashMap<>();
            store.notices().forEach((year, notice) -> {
                Set<LocalDate> holidays = new HashSet<>();
                Set<LocalDate> workdays = new HashSet<>();
                notice.days().forEach(day -> (day.kind() == CalendarStore.Kind.HOLIDAY ? holidays : workdays).add(day.date()));
                official.put(year, new YearDays(year, true, holidays, workdays));
            });
            current = new Snapshot(Map.copyOf(official), System.nanoTime());
            snapshot = current;
        }
        return current;
    }

    private static YearDays statutory(int year) {
        if (year < 2025 || year > 2200) {
            // outside the regulations this calendar knows: the regular week only, still provisional
            return new YearDays(year, false, Set.of(), Set.of());
        }
        Set<LocalDate> holidays = new HashSet<>();
        StatutoryHolidays.of(year).forEach(holiday -> holidays.add(holiday.date()));
        return new YearDays(year, false, holidays, Set.of());
    }
}
