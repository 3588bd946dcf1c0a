package org.posmaintenance.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row of the decision table {@code FaultTriage} (processes/FaultTriage.dmn), without the engine. */
class FaultTriageRulesTest {

    static DmnEngine dmn;
    static DmnDecision triage;

    @BeforeAll
    static void parseTable() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = FaultTriageRulesTest.class.getResourceAsStream("/FaultTriage.dmn")) {
            triage = dmn.parseDecision(FaultTriage.DECISION_KEY, table);
        }
    }

    @ParameterizedTest(name = "{0}, payments blocked {1} -> {2} {3}")
    @CsvSource({
            "SYSTEM_CRASH,    false, MAJOR,  MAIL_IN",   // rule 1
            "HARDWARE_DAMAGE, true,  MAJOR,  MAIL_IN",   // rule 2 (before the payments rule)
            "TERMINAL_DOWN,   false, URGENT, ON_SITE",   // rule 3
            "CARD_READER,     true,  URGENT, ON_SITE",   // rule 4: any category when payments are blocked
            "NETWORK,         false, NORMAL, REMOTE",    // rule 5
            "PRINTER,         false, NORMAL, REMOTE",    // rule 6
            "CARD_READER,     false, NORMAL, ON_SITE",   // rule 7
            "DISPLAY_KEYPAD,  false, NORMAL, MAIL_IN",   // rule 8
            "POWER,           false, NORMAL, ON_SITE",   // rule 9
            "OTHER,           false, NORMAL, REMOTE",    // rule 10: anything else
    })
    void eachRuleGivesItsSeverityAndChannel(String category, boolean paymentsBlocked, String severity, String channel) {
        DmnDecisionResultEntries result = dmn.evaluateDecision(triage,
                Map.<String, Object>of("faultCategory", category, "paymentsBlocked", paymentsBlocked)).getSingleResult();

        assertThat((String) result.getEntry("severity")).isEqualTo(severity);
        assertThat((String) result.getEntry("repairChannel")).isEqualTo(channel);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PRINTER", "CARD_READER", "NETWORK", "DISPLAY_KEYPAD", "POWER", "TERMINAL_DOWN", "SYSTEM_CRASH",
            "HARDWARE_DAMAGE", "OTHER"})
    void everyCategoryIsClassifiedAsAKnownSeverityAndChannel(String category) {
        for (boolean blocked : new boolean[] {false, true}) {
            DmnDecisionResultEntries result = dmn.evaluateDecision(triage,
                    Map.<String, Object>of("faultCategory", category, "paymentsBlocked", blocked)).getSingleResult();
            assertThat(Severity.valueOf(result.getEntry("severity"))).isNotNull();
            assertThat(RepairChannel.valueOf(result.getEntry("repairChannel"))).isNotNull();
        }
    }
}
