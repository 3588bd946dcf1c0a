package org.posmaintenance.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** How an SLA target is measured. */
public enum SlaClock {

    /** Every elapsed moment counts; the calendar is ignored and may be null. */
    ROUND_THE_CLOCK,

    /** Only time inside the service hours of a {@link ServiceHoursCalendar} counts. */
    SERVICE_HOURS;

    /**
     * The instant at which {@code amount} of measured time has elapsed after {@code start}.
     *
     * @see ServiceHoursCalendar#addServiceTime(Instant, Duration)
     */
    public Instant add(ServiceHoursCalendar calendar, Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        return switch (this) {
            case ROUND_THE_CLOCK -> start.plus(amount);
            case SERVICE_HOURS -> requireCalendar(calendar).addServiceTime(start, amount);
        };
    }

    /**
     * Measured time inside {@code [from, to)}; zero if {@code to} is not after {@code from}.
     *
     * @see ServiceHoursCalendar#serviceTimeBetween(Instant, Instant)
     */
    public Duration between(ServiceHoursCalendar calendar, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return switch (this) {
            case ROUND_THE_CLOCK -> to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
            case SERVICE_HOURS -> requireCalendar(calendar).serviceTimeBetween(from, to);
        };
    }

    private ServiceHoursCalendar requireCalendar(ServiceHoursCalendar calendar) {
        return Objects.requireNonNull(calendar, () -> this + " requires a ServiceHoursCalendar");
    }
}
