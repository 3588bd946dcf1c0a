package org.posmaintenance.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.posmaintenance.DecisionTables;

/** Each row of the decision table {@code WarrantyCoverage} (processes/WarrantyCoverage.dmn), without the engine. */
class WarrantyCoverageRulesTest {

    static final DecisionTables TABLE = DecisionTables.load(org.posmaintenance.model.ModelContract.DECISION_WARRANTY_COVERAGE);

    /** The table evaluated by the stand-alone DMN engine, as the billing uses it. */
    static final WarrantyCoverage COVERAGE = inputs -> WarrantyCoverage.basisOf(TABLE.singleRow(inputs), inputs);

    @ParameterizedTest(name = "{0}, in warranty {1}, merchant's fault {2}, maintenance included {3} -> {4} ({5})")
    @CsvSource({
            "PART,    true,  false, false, WARRANTY,           Rule_Warranty",
            "SERVICE, true,  false, true,  WARRANTY,           Rule_Warranty",          // before the rental rule
            "SERVICE, false, false, true,  INCLUDED_IN_RENTAL, Rule_RentalMaintenance",
            "SERVICE, true,  true,  true,  INCLUDED_IN_RENTAL, Rule_RentalMaintenance", // merchant's fault, rented
            "PART,    false, false, true,  CHARGED,            Rule_Charged",           // parts are never in the rent
            "PART,    true,  true,  false, CHARGED,            Rule_Charged",
            "SERVICE, false, false, false, CHARGED,            Rule_Charged",
    })
    void eachRuleSaysWhoPays(Bill.Kind kind, boolean inWarranty, boolean merchantCaused, boolean maintenanceIncluded,
                             Bill.Basis basis, String rule) {
        Map<String, Object> inputs = WarrantyCoverage.inputs(kind, inWarranty, merchantCaused, maintenanceIncluded);

        assertThat(COVERAGE.basis(inputs)).isEqualTo(basis);
        assertThat(TABLE.lastMatchedRules()).containsExactly(rule);
    }

    @Test
    void everyCombinationHasABasisAndEveryRuleIsUsed() {
        Set<String> used = new HashSet<>();
        for (Bill.Kind kind : Bill.Kind.values()) {
            for (int bits = 0; bits < 8; bits++) {
                Map<String, Object> inputs = WarrantyCoverage.inputs(kind, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
                assertThat(COVERAGE.basis(inputs)).as("%s", inputs).isNotNull();
                used.addAll(TABLE.lastMatchedRules());
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(TABLE.ruleIds());
    }
}
