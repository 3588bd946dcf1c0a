package org.posmaintenance.upgrade;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pos.upgrade}: the current terminal software and the default night window for upgrades. */
@ConfigurationProperties("pos.upgrade")
public record UpgradeProperties(String latestVersion, LocalTime windowStart, LocalTime windowEnd) {

    public UpgradeProperties {
        SoftwareVersion.parse(latestVersion);
        if (windowStart.equals(windowEnd)) {
            throw new IllegalArgumentException("pos.upgrade.window-start and window-end must differ");
        }
    }
}
