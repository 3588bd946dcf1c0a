package org.posmaintenance.billing;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.posmaintenance.model.ModelContract;
import org.springframework.stereotype.Service;

/** {@link WarrantyCoverage} evaluated by the engine: the latest deployed version of the table applies. */
@Service
public class WarrantyCoverageTable implements WarrantyCoverage {

    private final DecisionService decisions;

    public WarrantyCoverageTable(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Bill.Basis basis(Map<String, Object> inputs) {
        return WarrantyCoverage.basisOf(decisions.evaluateDecisionByKey(ModelContract.DECISION_WARRANTY_COVERAGE).variables(inputs).evaluate()
                .getSingleResult(), inputs);
    }
}
