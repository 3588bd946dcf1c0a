package org.posmaintenance.upgrade;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a terminal may be upgraded without disturbing trade: outside the merchant's opening hours
 * when known, otherwise in the configured night window. Windows may cross midnight.
 */
public final class UpgradeWindow {

    private static final Pattern OPENING_HOURS = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    private UpgradeWindow() {
    }

    /**
     * The next window from {@code now}: the current one (starting now) when {@code now} is inside one.
     *
     * @param openingHours the merchant's opening hours as {@code HH:mm-HH:mm}, or null
     */
    public static Slot next(Instant now, ZoneId zone, String openingHours, LocalTime defaultStart, LocalTime defaultEnd) {
        LocalTime start = defaultStart;
        LocalTime end = defaultEnd;
        if (openingHours != null) {
            Matcher matcher = OPENING_HOURS.matcher(openingHours);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + openingHours + "' is not opening hours such as 09:00-21:00");
            }
            start = LocalTime.parse(matcher.group(2));
            end = LocalTime.parse(matcher.group(1));
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("Opening hours " + openingHours + " leave no time for an upgrade");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            ZonedDateTime windowStart = day.atTime(start).atZone(zone);
            ZonedDateTime windowEnd = (end.isAfter(start) ? day : day.plusDays(1)).atTime(end).atZone(zone);
            if (windowEnd.toInstant().isAfter(now)) {
                Instant from = windowStart.toInstant().isAfter(now) ? windowStart.toInstant() : now;
                return new Slot(from, windowEnd.toInstant());
            }
        }
        throw new IllegalStateException("No upgrade window within a day of " + now);
    }

    /** A time span for the upgrade. */
    public record Slot(Instant start, Instant end) {
    }
}
