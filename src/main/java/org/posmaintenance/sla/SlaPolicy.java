package org.posmaintenance.sla;

import java.time.Duration;
import java.time.Instant;

import org.posmaintenance.diagnosis.Severity;
import org.springframework.stereotype.Service;

/**
 * Turns the service levels of the decision table {@code SlaTargets} into the deadlines of one ticket. The BPMN timers and the
 * Tasklist due dates read these deadlines from the ticket's variables.
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

    /** First response: the warning and the deadline, measured from the report. */
    public ResponseDeadlines response(Severity severity, Instant reportedAt) {
        SlaTarget target = targets.of(severity);
        Duration warningAfter = target.response().multipliedBy(properties.warningAtPercent()).dividedBy(100);
        return new ResponseDeadlines(
                target.responseClock().add(calendar, reportedAt, warningAfter),
                target.responseClock().add(calendar, reportedAt, target.response()));
    }

    /** Resolution: the target and the extended deadline, measured from the confirmed diagnosis. */
    public ResolutionDeadlines resolution(Severity severity, Instant diagnosedAt) {
        SlaTarget target = targets.of(severity);
        Instant due = target.resolutionClock().add(calendar, diagnosedAt, target.resolution());
        return new ResolutionDeadlines(due, target.resolutionClock().add(calendar, due, target.extension()));
    }

    public int taskPriority(Severity severity) {
        return properties.priority().of(severity);
    }

    public int escalatedTaskPriority() {
        return properties.priority().escalated();
    }

    public record ResponseDeadlines(Instant warningAt, Instant due) {
    }

    public record ResolutionDeadlines(Instant due, Instant extendedDue) {
    }
}
