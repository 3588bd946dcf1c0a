package org.posmaintenance.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.posmaintenance.diagnosis.Severity;
import org.posmaintenance.model.LookupTables;
import org.posmaintenance.model.ModelContract;
import org.springframework.stereotype.Service;

/**
 * The service-level targets per severity, from the decision table {@code SlaTargets}
 * ({@code processes/SlaTargets.dmn}), which analysts edit in Camunda Modeler. The latest deployed
 * version applies to the deadlines computed from then on; deadlines already set keep their value.
 */
@Service
public class SlaTargets {


    private final LookupTables tables;

    public SlaTargets(LookupTables tables) {
        this.tables = tables;
    }

    public SlaTarget of(Severity severity) {
        return fromRow(severity, tables.singleResult(ModelContract.DECISION_SLA_TARGETS, Map.of(ModelContract.SEVERITY, severity.name())));
    }

    /** Reads one matched row; a row that is missing or malformed is an error naming the output. */
    public static SlaTarget fromRow(Severity severity, DmnDecisionResultEntries row) {
        if (row == null) {
            throw new IllegalStateException("Decision " + ModelContract.DECISION_SLA_TARGETS + " has no rule for severity " + severity);
        }
        return new SlaTarget(
                duration(severity, row, ModelContract.SLA_RESPONSE), clock(severity, row, ModelContract.SLA_RESPONSE_CLOCK),
                duration(severity, row, ModelContract.SLA_RESOLUTION), clock(severity, row, ModelContract.SLA_RESOLUTION_CLOCK),
                duration(severity, row, ModelContract.SLA_EXTENSION), resolutionFrom(severity, row));
    }

    /** The column resolutionFrom; a table revised before it existed counts from the confirmed diagnosis. */
    private static SlaTarget.ResolutionStart resolutionFrom(Severity severity, DmnDecisionResultEntries row) {
        if (!row.containsKey(ModelContract.SLA_RESOLUTION_FROM) || row.getEntry(ModelContract.SLA_RESOLUTION_FROM) == null) {
            return SlaTarget.ResolutionStart.CONFIRMED_DIAGNOSIS;
        }
        String text = text(severity, row, ModelContract.SLA_RESOLUTION_FROM);
        try {
            return SlaTarget.ResolutionStart.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(problem(severity, ModelContract.SLA_RESOLUTION_FROM)
                    + " must be CONFIRMED_DIAGNOSIS or REPORT, not '" + text + "'", e);
        }
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
        return "Decision " + ModelContract.DECISION_SLA_TARGETS + ", severity " + severity + ": output '" + output + "'";
    }
}
