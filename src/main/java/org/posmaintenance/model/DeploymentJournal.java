package org.posmaintenance.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of every accepted deployment of models: who deployed which resources when, and which
 * process and decision versions it created. A post-deployer, so the row is written in the deployment's
 * own transaction: a deployment that fails leaves no row, and no deployment goes unrecorded.
 */
@Component
public class DeploymentJournal implements Deployer {

    /** Recorded as the deployer of what the application deploys itself, with no user logged in. */
    public static final String APPLICATION = "application";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DeploymentJournal(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A recorded deployment. */
    public record Entry(String deploymentId, String name, String source, String deployedBy, Instant deployedAt,
                        List<String> resources, List<String> definitions) {
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        List<String> resources = new ArrayList<>();
        deployment.getResources().values().stream().sorted(java.util.Comparator.comparing(ResourceEntity::getName))
                .forEach(resource -> resources.add(resource.getName() + " " + sha256(resource.getBytes()).substring(0, 12)));
        List<String> definitions = new ArrayList<>();
        if (deployment.getDeployedProcessDefinitions() != null) {
            for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions()) {
                definitions.add(describe(definition.getKey(), definition.getVersion(), definition.getVersionTag()));
            }
        }
        if (deployment.getDeployedDecisionDefinitions() != null) {
            for (DecisionDefinition definition : deployment.getDeployedDecisionDefinitions()) {
                definitions.add(describe(definition.getKey(), definition.getVersion(), definition.getVersionTag()));
            }
        }
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        jdbc.update("INSERT INTO model_deployment (deployment_id, name, source, deployed_by, deployed_at, resources, definitions)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                deployment.getId(), deployment.getName(), deployment.getSource(), user == null ? APPLICATION : user,
                Timestamp.from(clock.instant()), clip(String.join("\n", resources)),
                clip(String.join("\n", definitions)));
    }

    /** The latest deployments, newest first. */
    public List<Entry> latest(int limit) {
        return jdbc.query("SELECT * FROM model_deployment ORDER BY deployed_at DESC, deployment_id DESC",
                statement -> statement.setMaxRows(limit),
                (row, index) -> new Entry(row.getString("deployment_id"), row.getString("name"), row.getString("source"),
                        row.getString("deployed_by"), row.getTimestamp("deployed_at").toInstant(),
                        lines(row.getString("resources")), lines(row.getString("definitions"))));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String describe(String key, int version, String versionTag) {
        return key + ":" + version + (versionTag == null ? "" : " (" + versionTag + ")");
    }

    private static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
