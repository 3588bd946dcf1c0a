package org.posmaintenance.diagnosis;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.posmaintenance.intake.FaultCategory;
import org.posmaintenance.model.LookupTables;
import org.posmaintenance.model.ModelContract;
import org.springframework.stereotype.Service;

/**
 * Classifies a fault with the decision table {@code FaultTriage} ({@code processes/FaultTriage.dmn}),
 * which analysts edit in Camunda Modeler.
 */
@Service
public class FaultTriage {


    private final LookupTables tables;

    public FaultTriage(LookupTables tables) {
        this.tables = tables;
    }

    /** The latest version's proposal; the ticket records it with the inputs it was made from. */
    public Result classify(FaultCategory category, boolean paymentsBlocked) {
        DmnDecisionResultEntries row = tables.singleResult(ModelContract.DECISION_FAULT_TRIAGE,
                Map.of(ModelContract.FAULT_CATEGORY, category.name(), ModelContract.PAYMENTS_BLOCKED, paymentsBlocked));
        if (row == null) {
            throw new IllegalStateException("Decision " + ModelContract.DECISION_FAULT_TRIAGE + " has no rule for " + category);
        }
        return new Result(Severity.valueOf(row.getEntry(ModelContract.SEVERITY)),
                RepairChannel.valueOf(row.getEntry(ModelContract.REPAIR_CHANNEL)));
    }

    public record Result(Severity severity, RepairChannel repairChannel) {
    }
}
