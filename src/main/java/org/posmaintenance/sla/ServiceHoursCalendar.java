package org.posmaintenance.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Service hours of the after-sales desk: a daily opening window in one time zone, on the regular working days
 * of the week, minus public holidays, plus make-up workdays declared on days that are normally off.
 *
 * <p>Used to measure SLA targets that only count time while the service desk is open. The opening hours are
 * fixed; the holidays and make-up workdays come from a {@link DaySource} (in the application, the calendar in the
 * database, provisional for a year without official notice). Thread-safe. The opening window must not cross
 * midnight.
 */
public final class ServiceHoursCalendar {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Upper bound on the number of days searched for the next workday (about ten years). */
    static final int MAX_DAYS_TO_NEXT_WORKDAY = 3660;

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<DayOfWeek> workingDays;
    private final DaySource days;

    /**
     * @param zone          time zone in which the opening hours apply
     * @param opens         local opening time (inclusive)
     * @param closes        local closing time (exclusive), must be after {@code opens} on the same day
     * @param workingDays   regular working days of the week, at least one
     * @param holidays      dates that are off even if they fall on a working day
     * @param extraWorkdays dates that are worked even if they fall on a non-working day (make-up workdays)
     * @throws IllegalArgumentException if an argument is null or contains null, if {@code opens} is not before
     *                                  {@code closes}, or if {@code workingDays} is empty
     */
    public ServiceHoursCalendar(ZoneId zone, LocalTime opens, LocalTime closes,
                                Set<DayOfWeek> workingDays, Set<LocalDate> holidays, Set<LocalDate> extraWorkdays) {
        this(zone, opens, closes, workingDays, DaySource.fixed(
                copyWithoutNulls(requireArg(holidays, "holidays"), "holidays"),
                copyWithoutNulls(requireArg(extraWorkdays, "extraWorkdays"), "extraWorkdays")));
    }

    /**
     * @param days where the holidays and make-up workdays of each year come from
     * @see #ServiceHoursCalendar(ZoneId, LocalTime, LocalTime, Set, Set, Set)
     */
    public ServiceHoursCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workingDays, DaySource days) {
        this.zone = requireArg(zone, "zone");
        this.opens = requireArg(opens, "opens");
        this.closes = requireArg(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException(
                    "opens (" + opens + ") must be before closes (" + closes + ")");
        }
        requireArg(workingDays, "workingDays");
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("workingDays must contain at least one day of the week");
        }
        EnumSet<DayOfWeek> week = EnumSet.noneOf(DayOfWeek.class);
        week.addAll(copyWithoutNulls(workingDays, "workingDays"));
        this.workingDays = Collections.unmodifiableSet(week);
        this.days = requireArg(days, "days");
    }

    /** The time zone in which the service hours apply. */
    /** A moment as people of the service read it: {@code 2026-12-01 10:00 (Asia/Shanghai)}, 24-hour, in the service's zone. */
    public String shown(Instant t) {
        return SHOWN.format(t.atZone(zone)) + " (" + zone + ")";
    }

    public ZoneId zone() {
        return zone;
    }

    /** Local opening time on a workday. */
    public LocalTime opens() {
        return opens;
    }

    /** Local closing time on a workday. */
    public LocalTime closes() {
        return closes;
    }

    /**
     * Whether the service desk works on the given date. A holiday is never a workday; an extra workday always is;
     * any other date is a workday if its day of the week is a regular working day.
     */
    public boolean isWorkday(LocalDate day) {
        Objects.requireNonNull(day, "day");
        DaySource.YearDays year = days.year(day.getYear());
        if (year.holidays().contains(day)) {
            return false;
        }
        return year.workdays().contains(day) || workingDays.contains(day.getDayOfWeek());
    }

    /**
     * Whether service time measured from {@code from} to {@code to} depends on a provisional day: a day between
     * them (both included, in the service region) lies in a year without official notice.
     */
    public boolean dependsOnProvisionalDays(Instant from, Instant to) {
        int last = localDate(to.isAfter(from) ? to : from).getYear();
        for (int year = localDate(from).getYear(); year <= last; year++) {
            if (!days.year(year).official()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t} falls on a workday with local time in {@code [opens, closes)}. */
    public boolean isWithinServiceHours(Instant t) {
        Objects.requireNonNull(t, "t");
        var local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        return isWorkday(local.toLocalDate()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /**
     * Returns {@code t} itself if it is within service hours, otherwise the next opening instant after {@code t}.
     *
     * @throws IllegalStateException if no workday follows within {@value #MAX_DAYS_TO_NEXT_WORKDAY} days
     */
    public Instant nextServiceStart(Instant t) {
        Objects.requireNonNull(t, "t");
        LocalDate day = localDate(t);
        if (isWorkday(day)) {
            Instant opening = opening(day);
            if (t.isBefore(opening)) {
                return opening;
            }
            if (t.isBefore(closing(day))) {
                return t;
            }
        }
        return opening(nextWorkdayAfter(day));
    }

    /**
     * Adds {@code amount} of service time to {@code start}, counting only time inside service hours.
     *
     * <p>A start outside service hours is first moved to the next opening. If the amount runs out exactly at
     * closing time, the closing instant is returned rather than the next opening. A zero amount returns
     * {@code start} unchanged, even outside service hours.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws IllegalStateException    if no workday follows within {@value #MAX_DAYS_TO_NEXT_WORKDAY} days
     */
    public Instant addServiceTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Instant cursor = nextServiceStart(start);
        Duration remaining = amount;
        while (true) {
            LocalDate day = localDate(cursor);
            Instant closing = closing(day);
            Duration availableToday = Duration.between(cursor, closing);
            if (remaining.compareTo(availableToday) <= 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(availableToday);
            cursor = opening(nextWorkdayAfter(day));
        }
    }

    /** Service time inside {@code [from, to)}; zero if {@code to} is not after {@code from}. */
    public Duration serviceTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkday(day)) {
                continue;
            }
            Instant windowStart = max(from, opening(day));
            Instant windowEnd = min(to, closing(day));
            if (windowEnd.isAfter(windowStart)) {
                total = total.plus(Duration.between(windowStart, windowEnd));
            }
        }
        return total;
    }

    @Override
    public String toString() {
        return "ServiceHoursCalendar[" + zone + " " + opens + "-" + closes + " " + workingDays + "]";
    }

    private LocalDate nextWorkdayAfter(LocalDate day) {
        LocalDate candidate = day;
        for (int i = 0; i < MAX_DAYS_TO_NEXT_WORKDAY; i++) {
            candidate = candidate.plusDays(1);
            if (isWorkday(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "No workday within " + MAX_DAYS_TO_NEXT_WORKDAY + " days after " + day + " in " + this);
    }

    private LocalDate localDate(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    private Instant opening(LocalDate day) {
        return day.atTime(opens).atZone(zone).toInstant();
    }

    private Instant closing(LocalDate day) {
        return day.atTime(closes).atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static <T> T requireArg(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    private static <T> Set<T> copyWithoutNulls(Set<T> source, String name) {
        Set<T> copy = new HashSet<>();
        for (T element : source) {
            if (element == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
            copy.add(element);
        }
        return Set.copyOf(copy);
    }
}
