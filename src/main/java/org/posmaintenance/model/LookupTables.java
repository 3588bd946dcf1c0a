package org.posmaintenance.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The decision tables ({@code FaultTriage}, {@code SlaTargets}, {@code WarrantyCoverage}): small tables whose result
 * depends on their inputs only (a fault category and a flag; a severity; a kind of bill line and three flags),
 * evaluated five times for a ticket. The latest deployed version is looked up each time, as the engine does (but by
 * its id alone: one short query in the step's transaction, instead of the engine's query that reads the whole
 * definition to find its way into the deployment cache); its result for the same inputs is then taken from memory
 * instead of evaluating the table with FEEL again, which parses the rules and builds the FEEL engine's whole root
 * context for every cell (a sixth of a ticket's time before: BENCHMARKS.md, issue 14). A new version applies from
 * its deployment on, on every node, since the version is part of what the results are kept by.
 * <p>
 * So that this holds, a table must not read the clock: a rule that depends on the date takes the date as an input.
 * The evaluations are not kept in the engine's history ({@code records.RecordsHistoryLevel}): what each table gave is
 * recorded with the ticket, with the inputs it was given (the proposal of the triage, the deadlines' basis, each bill
 * line's basis), and the version that gave it is the one deployed last before that moment.
 */
@Component
public class LookupTables {

    /** Results kept per table version and inputs; far more than the tables' input combinations. */
    static final int MAX_RESULTS = 10_000;

    private record Key(String definitionId, Map<String, Object> inputs) {
    }

    private final DecisionService decisions;
    private final JdbcTemplate jdbc;
    private final String latestVersionQuery;
    private final ConcurrentMap<Key, Optional<DmnDecisionResultEntries>> results = new ConcurrentHashMap<>();

    public LookupTables(ProcessEngine engine, JdbcTemplate jdbc) {
        this.decisions = engine.getDecisionService();
        this.jdbc = jdbc;
        String prefix = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix();
        this.latestVersionQuery = "SELECT ID_ FROM " + (prefix == null ? "" : prefix) + "ACT_RE_DECISION_DEF"
                + " WHERE KEY_ = ? AND TENANT_ID_ IS NULL ORDER BY VERSION_ DESC LIMIT 1";
    }

    /** The single matching row of the latest version of the table, or null when no rule matches. */
    public DmnDecisionResultEntries singleResult(String decisionKey, Map<String, Object> inputs) {
        Key key = new Key(latestVersion(decisionKey), Collections.unmodifiableMap(new HashMap<>(inputs)));
        Optional<DmnDecisionResultEntries> known = results.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        DmnDecisionResultEntries row = decisions.evaluateDecisionById(key.definitionId()).variables(inputs).evaluate()
                .getSingleResult();
        if (results.size() >= MAX_RESULTS) {
            results.clear();
        }
        results.put(key, Optional.ofNullable(row));
        return row;
    }

    /**
     * The id of the table's latest version, as the engine finds it for an evaluation by key in a step, read in the
     * transaction of the step that evaluates it (the engine's connection; no authorization check, as the engine's own
     * evaluation in a step has none). Only versions deployed without a tenant count: the application has no tenants
     * and deploys its models without one (a table deployed for a tenant through the REST API is not looked at).
     */
    private String latestVersion(String decisionKey) {
        return jdbc.queryForList(latestVersionQuery, String.class, decisionKey).stream().findFirst()
                .orElseThrow(() -> new ProcessEngineException("No decision table " + decisionKey + " is deployed"));
    }
}
