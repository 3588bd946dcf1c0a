package org.posmaintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A decision table of {@code processes/}, evaluated by a stand-alone DMN engine (no process engine),
 * with the ids of the rules that matched, so that rule tests can name the row they exercise.
 */
public final class DecisionTables {

    private final String key;
    private final DmnEngine dmn;
    private final DmnDecision decision;
    private final List<String> ruleIds;
    private List<String> lastMatchedRules = List.of();

    private DecisionTables(String key) {
        this.key = key;
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                lastMatchedRules = event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
            }
        }));
        this.dmn = configuration.buildEngine();
        DmnModelInstance model = Dmn.readModelFromStream(open(key));
        this.decision = dmn.parseDecision(key, model);
        this.ruleIds = model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    }

    /** The decision {@code key} of the file {@code <key>.dmn} on the class path. */
    public static DecisionTables load(String key) {
        return new DecisionTables(key);
    }

    /** The single row the inputs select, or null when none matches. */
    public DmnDecisionResultEntries singleRow(Map<String, Object> inputs) {
        return dmn.evaluateDecision(decision, inputs).getSingleResult();
    }

    /** The ids of the rules that matched in the last evaluation (for a FIRST table: all that matched). */
    public List<String> lastMatchedRules() {
        return lastMatchedRules;
    }

    /** The ids of all rules of the table, in order. */
    public List<String> ruleIds() {
        return ruleIds;
    }

    private static InputStream open(String key) {
        InputStream file = DecisionTables.class.getResourceAsStream("/models/" + key + ".dmn");
        if (file == null) {
            throw new UncheckedIOException(new IOException(key + ".dmn is not on the class path"));
        }
        return file;
    }

    @Override
    public String toString() {
        return key;
    }
}
