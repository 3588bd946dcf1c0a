package org.posmaintenance.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * The service levels of one severity: a row of the decision table {@code SlaTargets}.
 *
 * @param resolutionFrom what the resolution target counts from
 */
public record SlaTarget(Duration response, SlaClock responseClock,
                        Duration resolution, SlaClock resolutionClock, Duration extension, ResolutionStart resolutionFrom) {

    /** What the resolution target counts from. */
    public enum ResolutionStart {
        /** The technician's confirmed diagnosis (the first response). */
        CONFIRMED_DIAGNOSIS,
        /** The merchant's report: the resolution falls within a window that the response is part of. */
        REPORT
    }

    public SlaTarget {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(responseClock, "responseClock");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(resolutionClock, "resolutionClock");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(resolutionFrom, "resolutionFrom");
    }

    /** A row whose resolution counts from the confirmed diagnosis. */
    public SlaTarget(Duration response, SlaClock responseClock, Duration resolution, SlaClock resolutionClock, Duration extension) {
        this(response, responseClock, resolution, resolutionClock, extension, ResolutionStart.CONFIRMED_DIAGNOSIS);
    }
}
