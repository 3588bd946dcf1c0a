package org.posmaintenance.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.posmaintenance.diagnosis.Severity;
import org.springframework.stereotype.Service;

/**
 * The service-level targets per severity, from the decision table {@code SlaTargets}
 * ({@code processes/SlaTargets.dmn}), which analysts edit in Camunda Modeler. The latest deployed
 * version applies to the deadlines computed from then on; deadlines already set keep their value.
 */
@Service
public class SlaTargets {

    public static final String DECISION_KEY = "SlaTargets";

    private final DecisionService decisions;

    public SlaTargets(DecisionService decisions) {
        this.decisions = decisions;
    }

    public SlaTarget of(Severity severity) {
        DmnDecisionResultEntries row = decisions.evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("severity", severity.name()))
                .evaluate()
                .getSingleResult();
        return fromRow(severity, row);
    }

    /** Reads one matched row; a row that is missing or malformed is an error naming the output. */
    public static SlaTarget fromRow(Severity severity, DmnDecisionResultEntries row) {
        if (row == null) {
            throw new IllegalStateException("Decision " + DECISION_KEY + " has no rule for severity " + severity);
        }
        return new SlaTarget(
                duration(severity, row, "response"), clock(severity, row, "responseClock"),
                duration(severity, row, "resolution"), clock(severity, row, "resolutionClock"),
                duration(severity, row, "extension"));
    }

    private static Duration duration(Severity severity, DmnDecisionResultEntries row, String output) {
        String text = text(severity, row, output);
        try {
            Duration value = Duration.parse(text);
            if (value.isNegative() || value.isZero()) {
                throw new DateTimeParseException("not positive", text, 0);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(problem(severity, output) + " must be a positive ISO 8601 duration such as PT24H, not '"
                    + text + "'", e);
        }
    }

    private static SlaClock clock(Severity severity, DmnDecisionResultEntries row, String output) {
        String text = text(severity, row, output);
        try {
            return SlaClock.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(problem(severity, output) + " must be ROUND_THE_CLOCK or SERVICE_HOURS, not '"
                    + text + "'", e);
        }
    }

    private static String text(Severity severity, DmnDecisionResultEntries row, String output) {
        Object value = row.getEntry(output);
        if (value == null) {
            throw new IllegalStateException(problem(severity, output) + " is empty");
        }
        return value.toString().trim();
    }

    private static String problem(Severity severity, String output) {
        return "Decision " + DECISION_KEY + ", severity " + severity + ": output '" + output + "'";
    }
}
