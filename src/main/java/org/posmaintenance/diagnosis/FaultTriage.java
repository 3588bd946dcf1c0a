package org.posmaintenance.diagnosis;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.posmaintenance.intake.FaultCategory;
import org.springframework.stereotype.Service;

/**
 * Classifies a fault with the decision table {@code FaultTriage} ({@code processes/FaultTriage.dmn}),
 * which analysts edit in Camunda Modeler.
 */
@Service
public class FaultTriage {

    public static final String DECISION_KEY = "FaultTriage";

    private final DecisionService decisions;

    public FaultTriage(DecisionService decisions) {
        this.decisions = decisions;
    }

    public Result classify(FaultCategory category, boolean paymentsBlocked) {
        DmnDecisionResultEntries row = decisions.evaluateDecisionByKey(DECISION_KEY)
                .variables(Map.of("faultCategory", category.name(), "paymentsBlocked", paymentsBlocked))
                .evaluate()
                .getSingleResult();
        if (row == null) {
            throw new IllegalStateException("Decision " + DECISION_KEY + " has no rule for " + category);
        }
        return new Result(Severity.valueOf(row.getEntry("severity")),
                RepairChannel.valueOf(row.getEntry("repairChannel")));
    }

    public record Result(Severity severity, RepairChannel repairChannel) {
    }
}
