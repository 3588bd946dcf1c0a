package org.posmaintenance.billing;

import java.util.Map;

import org.posmaintenance.model.LookupTables;
import org.posmaintenance.model.ModelContract;
import org.springframework.stereotype.Service;

/** {@link WarrantyCoverage} from the decision table: the latest deployed version applies ({@link LookupTables}). */
@Service
public class WarrantyCoverageTable implements WarrantyCoverage {

    private final LookupTables tables;

    public WarrantyCoverageTable(LookupTables tables) {
        this.tables = tables;
    }

    @Override
    public Bill.Basis basis(Map<String, Object> inputs) {
        return WarrantyCoverage.basisOf(tables.singleResult(ModelContract.DECISION_WARRANTY_COVERAGE, inputs), inputs);
    }
}
