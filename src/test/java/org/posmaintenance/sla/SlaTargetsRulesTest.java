package org.posmaintenance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionResultEntriesImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.posmaintenance.DecisionTables;
import org.posmaintenance.diagnosis.Severity;

/** Each row of the decision table {@code SlaTargets} (processes/SlaTargets.dmn), without the engine. */
class SlaTargetsRulesTest {

    static final DecisionTables TABLE = DecisionTables.load(org.posmaintenance.model.ModelContract.DECISION_SLA_TARGETS);

    @ParameterizedTest(name = "{0} ({1}): respond {2} {3}, resolve {4} {5} from {7}, extension {6}")
    @CsvSource({
            "NORMAL, Rule_Normal, PT24H, ROUND_THE_CLOCK, PT30H, SERVICE_HOURS,   PT10H, CONFIRMED_DIAGNOSIS",
            "URGENT, Rule_Urgent, PT1H,  ROUND_THE_CLOCK, PT8H,  ROUND_THE_CLOCK, PT8H,  CONFIRMED_DIAGNOSIS",
            "MAJOR,  Rule_Major,  PT48H, ROUND_THE_CLOCK, PT48H, ROUND_THE_CLOCK, PT72H, REPORT",
    })
    void eachSeverityHasItsPublishedTargets(Severity severity, String rule, Duration response, SlaClock responseClock,
                                            Duration resolution, SlaClock resolutionClock, Duration extension,
                                            SlaTarget.ResolutionStart from) {
        SlaTarget target = SlaTargets.fromRow(severity, TABLE.singleRow(Map.of("severity", severity.name())));

        assertThat(TABLE.lastMatchedRules()).containsExactly(rule);
        assertThat(target).isEqualTo(new SlaTarget(response, responseClock, resolution, resolutionClock, extension, from));
    }

    @Test
    void aTableRevisedBeforeTheResolutionStartColumnCountsFromTheDiagnosis() {
        assertThat(SlaTargets.fromRow(Severity.NORMAL, row("PT24H", "ROUND_THE_CLOCK")).resolutionFrom())
                .isEqualTo(SlaTarget.ResolutionStart.CONFIRMED_DIAGNOSIS);
    }

    @Test
    void everyRuleIsOneSeverityAndEverySeverityHasARule() {
        assertThat(Arrays.stream(Severity.values()).map(severity -> {
            TABLE.singleRow(Map.of("severity", severity.name()));
            return TABLE.lastMatchedRules().get(0);
        })).containsExactlyInAnyOrderElementsOf(TABLE.ruleIds());
    }

    @Test
    void aMalformedRowIsAnErrorNamingTheSeverityAndTheOutput() {
        DmnDecisionResultEntries badDuration = row("24 hours", "SERVICE_HOURS");
        DmnDecisionResultEntries badClock = row("PT24H", "OFFICE_HOURS");

        assertThatThrownBy(() -> SlaTargets.fromRow(Severity.NORMAL, badDuration))
                .hasMessageContaining("severity NORMAL").hasMessageContaining("'response'").hasMessageContaining("'24 hours'");
        assertThatThrownBy(() -> SlaTargets.fromRow(Severity.URGENT, badClock))
                .hasMessageContaining("severity URGENT").hasMessageContaining("'responseClock'").hasMessageContaining("OFFICE_HOURS");
        assertThatThrownBy(() -> SlaTargets.fromRow(Severity.MAJOR, null)).hasMessageContaining("no rule for severity MAJOR");
    }

    private static DmnDecisionResultEntries row(String response, String responseClock) {
        DmnDecisionResultEntriesImpl row = new DmnDecisionResultEntriesImpl();
        row.putValue("response", Variables.stringValue(response));
        row.putValue("responseClock", Variables.stringValue(responseClock));
        row.putValue("resolution", Variables.stringValue("PT30H"));
        row.putValue("resolutionClock", Variables.stringValue("SERVICE_HOURS"));
        row.putValue("extension", Variables.stringValue("PT10H"));
        return row;
    }
}
