package org.posmaintenance.sla.calendar;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pos.calendar}: managers are warned from {@code warnBefore} before the official notices run out. */
@ConfigurationProperties("pos.calendar")
public record CalendarProperties(Duration warnBefore) {

    public CalendarProperties {
        if (warnBefore == null) {
            warnBefore = Duration.ofDays(60);
        }
        if (warnBefore.isNegative()) {
            throw new IllegalArgumentException("pos.calendar.warn-before must not be negative");
        }
    }
}
