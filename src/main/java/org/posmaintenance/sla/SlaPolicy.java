package org.posmaintenance.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.posmaintenance.diagnosis.Severity;
import org.springframework.stereotype.Service;

/**
 * Turns the service levels of the decision table {@code SlaTargets} into the deadlines of one ticket. The BPMN timers and the
 * Tasklist due dates read these deadlines from the ticket's variables; the ticket's record keeps what each deadline
 * is computed from (its {@link ResponseBasis} and {@link ResolutionBasis}), so that a change of the calendar or a
 * pause computes it again the same way.
 *
 * <p>No resolution deadline comes before the first-response deadline: a resolution target that would fall earlier
 * (a major fault diagnosed at once, say) is the first-response deadline.
 */
@Service
public class SlaPolicy {

    private final SlaTargets targets;
    private final SlaProperties properties;
    private final ServiceHoursCalendar calendar;

    public SlaPolicy(SlaTargets targets, SlaProperties properties, ServiceHoursCalendar calendar) {
        this.targets = targets;
        this.properties = properties;
        this.calendar = calendar;
    }

    /** First response: the warning and the deadline, measured from the report, with today's targets. */
    public ResponseDeadlines response(Severity severity, Instant reportedAt) {
        SlaTarget target = targets.of(severity);
        return response(new ResponseBasis(target.response(), target.responseClock()), reportedAt);
    }

    /** First response from its basis: the warning at {@code pos.sla.warning-at-percent} and the deadline. */
    public ResponseDeadlines response(ResponseBasis basis, Instant reportedAt) {
        Duration warningAfter = basis.target().multipliedBy(properties.warningAtPercent()).dividedBy(100);
        Instant due = basis.clock().add(calendar, reportedAt, basis.target());
        return new ResponseDeadlines(basis.clock().add(calendar, reportedAt, warningAfter), due,
                provisional(basis.clock(), reportedAt, due), basis);
    }

    /**
     * Resolution with today's targets: from the confirmed diagnosis (or the report, as the table says), never
     * before {@code responseDue}.
     */
    public ResolutionDeadlines resolution(Severity severity, Instant reportedAt, Instant diagnosedAt, Instant responseDue) {
        SlaTarget target = targets.of(severity);
        Instant from = target.resolutionFrom() == SlaTarget.ResolutionStart.REPORT ? reportedAt : diagnosedAt;
        return resolution(new ResolutionBasis(from, target.resolution(), target.resolutionClock(), target.extension()),
                responseDue, List.of());
    }

    /**
     * Resolution from its basis. Each pause that begins before a deadline moves it by the pause's credited time,
     * measured on the resolution's clock; the extended deadline follows the target, and pauses that begin
     * between the two move the extended deadline only.
     */
    public ResolutionDeadlines resolution(ResolutionBasis basis, Instant responseDue, List<Pause> pauses) {
        SlaClock clock = basis.clock();
        List<Pause> ordered = merged(pauses);
        Instant due = clock.add(calendar, basis.from(), basis.target());
        for (Pause pause : ordered) {
            if (pause.start().isBefore(due)) {
                due = clock.add(calendar, due, pause.credited(clock, calendar));
            }
        }
        if (responseDue != null && due.isBefore(responseDue)) {
            due = responseDue;
        }
        Instant extendedDue = clock.add(calendar, due, basis.extension());
        for (Pause pause : ordered) {
            if (!pause.start().isBefore(due) && pause.start().isBefore(extendedDue)) {
                extendedDue = clock.add(calendar, extendedDue, pause.credited(clock, calendar));
            }
        }
        return new ResolutionDeadlines(due, extendedDue, provisional(clock, basis.from(), extendedDue), basis);
    }

    /**
     * The pauses as the clock stood: each cut to the part that counts, overlapping ones joined (a visit postponed
     * again while postponed stops the clock once, not twice), in order.
     */
    static List<Pause> merged(List<Pause> pauses) {
        List<Pause> counted = pauses.stream()
                .map(pause -> new Pause(pause.start(), pause.creditedUntil() != null && pause.creditedUntil().isBefore(pause.end())
                        ? (pause.creditedUntil().isAfter(pause.start()) ? pause.creditedUntil() : pause.start()) : pause.end(), null))
                .filter(pause -> pause.end().isAfter(pause.start()))
                .sorted(Comparator.comparing(Pause::start)).toList();
        java.util.ArrayList<Pause> joined = new java.util.ArrayList<>();
        for (Pause pause : counted) {
            Pause last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && !pause.start().isAfter(last.end())) {
                joined.set(joined.size() - 1, new Pause(last.start(), pause.end().isAfter(last.end()) ? pause.end() : last.end(), null));
            } else {
                joined.add(pause);
            }
        }
        return joined;
    }

    public int taskPriority(Severity severity) {
        return properties.priority().of(severity);
    }

    /** A pause longer than this counts beyond it only once a supervisor approves it. */
    public Duration pauseApprovalAfter() {
        return properties.pause().approvalAfter();
    }

    public int escalatedTaskPriority() {
        return properties.priority().escalated();
    }

    private boolean provisional(SlaClock clock, Instant from, Instant to) {
        return clock == SlaClock.SERVICE_HOURS && calendar.dependsOnProvisionalDays(from, to);
    }

    /** What the first response is measured with: the target and its clock, from the report. */
    public record ResponseBasis(Duration target, SlaClock clock) {
        public ResponseBasis {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** What the resolution is measured with: from when, the target, its clock and the extension. */
    public record ResolutionBasis(Instant from, Duration target, SlaClock clock, Duration extension) {
        public ResolutionBasis {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(extension, "extension");
        }
    }

    /**
     * Time the resolution clock stops: from {@code start} to {@code end}, of which only the part before
     * {@code creditedUntil} counts when that is set (a long pause a supervisor did not approve).
     */
    public record Pause(Instant start, Instant end, Instant creditedUntil) {
        public Pause {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        /** The paused time measured on {@code clock}. */
        public Duration credited(SlaClock clock, ServiceHoursCalendar calendar) {
            Instant until = creditedUntil != null && creditedUntil.isBefore(end) ? creditedUntil : end;
            return clock.between(calendar, start, until);
        }
    }

    /** @param provisional whether the deadline counts days of a year without official notice */
    public record ResponseDeadlines(Instant warningAt, Instant due, boolean provisional, ResponseBasis basis) {
    }

    /** @param provisional whether a deadline counts days of a year without official notice */
    public record ResolutionDeadlines(Instant due, Instant extendedDue, boolean provisional, ResolutionBasis basis) {
    }
}
