package org.posmaintenance.sla;

import java.time.Duration;
import java.util.Objects;

/** The service levels of one severity: a row of the decision table {@code SlaTargets}. */
public record SlaTarget(Duration response, SlaClock responseClock,
                        Duration resolution, SlaClock resolutionClock, Duration extension) {

    public SlaTarget {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(responseClock, "responseClock");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(resolutionClock, "resolutionClock");
        Objects.requireNonNull(extension, "extension");
    }
}
