package org.posmaintenance.records;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pos.records}: how long the records of an ended ticket are kept (its row, bill, evaluation, journal,
 * repair work, loaner, tokens and messages), independent of the engine's {@code historyTimeToLive}, and how often
 * the records past it are deleted.
 */
@ConfigurationProperties("pos.records")
public record RecordsProperties(@DefaultValue("10y") Period retention, @DefaultValue("1d") Duration cleanupInterval) {

    public RecordsProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("pos.records.retention must be positive, not " + retention);
        }
    }
}
