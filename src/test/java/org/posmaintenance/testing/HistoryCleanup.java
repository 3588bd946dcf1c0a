package org.posmaintenance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Makes the engine forget ended tickets the way an administrator would, through the REST API: a removal time in
 * the past for their historic process instances ({@code /history/process-instance/set-removal-time}, a batch),
 * then the history cleanup ({@code /history/cleanup?immediatelyDue=true}). The engine-test context runs no job
 * executor, so the batch's and the cleanup's jobs are executed here.
 */
public final class HistoryCleanup {

    private static final String ADMIN = "historyadmin";
    private static final String PASSWORD = "history-cleanup-test-password";
    /** The engine REST API's date format. */
    private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final TestRestTemplate http;
    private final IdentityService identity;
    private final ManagementService management;
    private final HistoryService history;

    public HistoryCleanup(TestRestTemplate http, IdentityService identity, ManagementService management, HistoryService history) {
        this.http = http;
        this.identity = identity;
        this.management = management;
        this.history = history;
    }

    /** Removes every trace of these ended process instances from the engine's history (asserted). */
    public void forget(Collection<String> processInstanceIds, Instant now) {
        User administrator = identity.newUser(ADMIN);
        administrator.setPassword(PASSWORD);
        identity.saveUser(administrator);
        try {
            identity.createMembership(ADMIN, "camunda-admin");
            ResponseEntity<Map> batch = http.withBasicAuth(ADMIN, PASSWORD).postForEntity(
                    "/engine-rest/history/process-instance/set-removal-time",
                    Map.of("absoluteRemovalTime", REST_DATE.format(now.minusSeconds(86_400)), "hierarchical", true,
                            "historicProcessInstanceIds", List.copyOf(processInstanceIds)), Map.class);
            assertThat(batch.getStatusCode()).as("set-removal-time: " + batch.getBody()).isEqualTo(HttpStatus.OK);
            runBatch((String) batch.getBody().get("id"));

            ResponseEntity<Map> cleanup = http.withBasicAuth(ADMIN, PASSWORD)
                    .postForEntity("/engine-rest/history/cleanup?immediatelyDue=true", null, Map.class);
            assertThat(cleanup.getStatusCode()).as("history cleanup: " + cleanup.getBody()).isEqualTo(HttpStatus.OK);
            management.executeJob((String) cleanup.getBody().get("id"));
        } finally {
            identity.deleteUser(ADMIN);
        }
        String[] ids = processInstanceIds.toArray(String[]::new);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(ids)).count())
                .as("historic process instances left").isZero();
        for (String id : ids) {
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).count())
                    .as("historic activities of " + id + " left").isZero();
            assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(id).count())
                    .as("historic tasks of " + id + " left").isZero();
        }
    }

    /** Executes the batch's seed, execution and monitor jobs until the batch is done. */
    private void runBatch(String batchId) {
        for (int round = 0; round < 100; round++) {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return;
            }
            List<Job> jobs = new ArrayList<>();
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                jobs.addAll(management.createJobQuery().jobDefinitionId(definition).list());
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("batch " + batchId + " did not finish");
    }
}
