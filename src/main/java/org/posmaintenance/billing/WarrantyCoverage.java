package org.posmaintenance.billing;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.posmaintenance.model.ModelContract;

/**
 * Who pays for a line of a bill: the decision table {@code WarrantyCoverage}
 * ({@code processes/WarrantyCoverage.dmn}), which analysts edit in Camunda Modeler.
 */
@FunctionalInterface
public interface WarrantyCoverage {

    /** The inputs of the decision for a line of this kind. */
    static Map<String, Object> inputs(Bill.Kind kind, boolean inWarrantyPeriod, boolean merchantCausedDamage,
                                      boolean maintenanceIncluded) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(ModelContract.LINE_KIND, kind.name());
        inputs.put(ModelContract.IN_WARRANTY_PERIOD, inWarrantyPeriod);
        inputs.put(ModelContract.MERCHANT_CAUSED_DAMAGE, merchantCausedDamage);
        inputs.put(ModelContract.MAINTENANCE_INCLUDED, maintenanceIncluded);
        return inputs;
    }

    /** The basis of the matched row; no row, or an unknown basis, is an error naming the decision. */
    static Bill.Basis basisOf(DmnDecisionResultEntries row, Map<String, Object> inputs) {
        if (row == null || row.getEntry(ModelContract.BASIS) == null) {
            throw new IllegalStateException("Decision " + ModelContract.DECISION_WARRANTY_COVERAGE + " has no rule for " + inputs);
        }
        String basis = row.getEntry(ModelContract.BASIS).toString();
        try {
            return Bill.Basis.valueOf(basis);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Decision " + ModelContract.DECISION_WARRANTY_COVERAGE + ": output '" + ModelContract.BASIS + "' must be one of WARRANTY, "
                    + "INCLUDED_IN_RENTAL, CHARGED, not '" + basis + "'", e);
        }
    }

    Bill.Basis basis(Map<String, Object> inputs);

    default Bill.Basis basis(Bill.Kind kind, PartsBilling.Repair repair) {
        return basis(inputs(kind, repair.inWarrantyPeriod(), repair.merchantCausedDamage(), repair.maintenanceIncluded()));
    }
}
