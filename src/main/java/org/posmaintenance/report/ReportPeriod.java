package org.posmaintenance.report;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The period of a report: the tickets reported from {@code from} (inclusive) to {@code to}
 * (exclusive), read in the service region's time zone.
 *
 * @param from first instant of the period
 * @param to   first instant after the period
 * @param zone the service region's time zone, in which dates without an offset are read and answers written
 */
public record ReportPeriod(Instant from, Instant to, ZoneId zone) {

    /** The years a report may cover: tickets exist from the first release on, the database stores no more. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2200;

    /** The longest period one report covers. */
    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    private static final String FORMATS = "a date (2026-11-23), a local date-time (2026-11-23T08:00) or a date-time"
            + " with offset (2026-11-23T08:00+08:00)";

    /**
     * The period of a request. Each bound is a date (its midnight in the zone), a local date-time (in the zone)
     * or a date-time with offset. Without {@code to}: now. Without {@code from}: Monday 00:00 of the week in
     * which the period ends, so that no parameter at all means this week so far, and {@code to=2026-11-30}
     * alone the week of 23 to 29 November.
     *
     * @throws InvalidReportParameterException naming {@code from} or {@code to}
     */
    public static ReportPeriod of(String from, String to, ZoneId zone, Instant now) {
        Instant end = blank(to) ? now : parse("to", to, zone);
        Instant start = blank(from) ? startOfWeek(end.minusNanos(1), zone) : parse("from", from, zone);
        if (!start.isBefore(end)) {
            throw new InvalidReportParameterException("from", "must be before 'to' (" + end.atZone(zone).toOffsetDateTime()
                    + "), but is " + start.atZone(zone).toOffsetDateTime());
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidReportParameterException("to", "the period may be at most " + MAX_LENGTH.toDays()
                    + " days long; ask for several periods instead");
        }
        return new ReportPeriod(start, end, zone);
    }

    static Instant startOfWeek(Instant at, ZoneId zone) {
        LocalDate monday = at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(zone).toInstant();
    }

    private static Instant parse(String field, String text, ZoneId zone) {
        String value = text.strip();
        if (value.length() > 40) {
            throw new InvalidReportParameterException(field, "is too long; expected " + FORMATS);
        }
        Instant instant;
        try {
            if (value.length() == 10) {
                instant = LocalDate.parse(value).atStartOfDay(zone).toInstant();
            } else if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                instant = OffsetDateTime.parse(value).toInstant();
            } else {
                instant = LocalDateTime.parse(value).atZone(zone).toInstant();
            }
        } catch (DateTimeException e) {   // unparsable, or a year the calendar cannot place
            throw new InvalidReportParameterException(field, "'" + value + "' is not " + FORMATS);
        }
        int year = instant.atZone(zone).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidReportParameterException(field, "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR
                    + ", not " + year);
        }
        return instant;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
