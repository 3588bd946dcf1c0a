package org.posmaintenance.records;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pos.records.retention}: how long the records of an ended ticket are kept (its row, bill, evaluation,
 * journal, repair work, loaner, task entries, tokens and messages), independent of the engine's
 * {@code historyTimeToLive}. How often they are deleted is {@code pos.records.cleanup-interval} (read by
 * {@link RecordsRetention}'s schedule).
 */
@ConfigurationProperties("pos.records")
public record RecordsProperties(@DefaultValue("10y") Period retention) {

    public RecordsProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("pos.records.retention must be positive, not " + retention);
        }
    }
}
