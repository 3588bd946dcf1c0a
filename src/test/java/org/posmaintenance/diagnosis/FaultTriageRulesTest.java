package org.posmaintenance.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.posmaintenance.DecisionTables;
import org.posmaintenance.intake.FaultCategory;

/** Each row of the decision table {@code FaultTriage} (processes/FaultTriage.dmn), without the engine. */
class FaultTriageRulesTest {

    static final DecisionTables TABLE = DecisionTables.load(org.posmaintenance.model.ModelContract.DECISION_FAULT_TRIAGE);

    @ParameterizedTest(name = "{0}, payments blocked {1} -> {2} {3} ({4})")
    @CsvSource({
            "SYSTEM_CRASH,    false, MAJOR,  MAIL_IN, Rule_SystemCrash",
            "HARDWARE_DAMAGE, true,  MAJOR,  MAIL_IN, Rule_HardwareDamage",  // before the payments rule
            "TERMINAL_DOWN,   false, URGENT, ON_SITE, Rule_TerminalDown",
            "CARD_READER,     true,  URGENT, ON_SITE, Rule_PaymentsBlocked", // any category when payments are blocked
            "NETWORK,         false, NORMAL, REMOTE,  Rule_Network",
            "PRINTER,         false, NORMAL, REMOTE,  Rule_Printer",
            "CARD_READER,     false, NORMAL, ON_SITE, Rule_CardReader",
            "DISPLAY_KEYPAD,  false, NORMAL, MAIL_IN, Rule_DisplayKeypad",
            "POWER,           false, NORMAL, ON_SITE, Rule_Power",
            "OTHER,           false, NORMAL, REMOTE,  Rule_Other",           // anything else
    })
    void eachRuleGivesItsSeverityAndChannel(String category, boolean paymentsBlocked, String severity, String channel,
                                            String rule) {
        DmnDecisionResultEntries result = TABLE.singleRow(inputs(category, paymentsBlocked));

        assertThat(TABLE.lastMatchedRules()).containsExactly(rule);
        assertThat((String) result.getEntry("severity")).isEqualTo(severity);
        assertThat((String) result.getEntry("repairChannel")).isEqualTo(channel);
    }

    @Test
    void everyCategoryIsClassifiedAsAKnownSeverityAndChannelAndEveryRuleIsUsed() {
        Set<String> used = new HashSet<>();
        for (FaultCategory category : FaultCategory.values()) {
            for (boolean blocked : new boolean[] {false, true}) {
                DmnDecisionResultEntries result = TABLE.singleRow(inputs(category.name(), blocked));
                assertThat(Severity.valueOf(result.getEntry("severity"))).isNotNull();
                assertThat(RepairChannel.valueOf(result.getEntry("repairChannel"))).isNotNull();
                used.addAll(TABLE.lastMatchedRules());
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(TABLE.ruleIds());
    }

    private static Map<String, Object> inputs(String category, boolean paymentsBlocked) {
        return Map.of("faultCategory", category, "paymentsBlocked", paymentsBlocked);
    }
}
