package org.posmaintenance.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.model.ModelContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL a person's task query (with the authorization check) and the job executor's acquisition are never kept
 * as server-side prepared statements, which PostgreSQL could switch to a generic plan, while the same task query
 * without the check is, after the driver's threshold of five executions on one connection.
 */
class AuthorizedQueryPlansTest extends ProcessScenarioTest {

    @Autowired IdentityService identityService;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void aPersonsTaskQueryAndTheJobAcquisitionArePlannedWithTheirParametersEachTime() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assumeTrue("postgres".equals(configuration.getDatabaseType()), "PostgreSQL only (the CI's second run)");
        ticketAwaitingDiagnosis(report());
        // one transaction: the engine's commands and the view of prepared statements share one connection
        List<String> prepared = new TransactionTemplate(transactionManager).execute(status -> {
            for (int i = 0; i < 8; i++) {
                identityService.setAuthentication("tom", List.of(ModelContract.TECHNICIANS));
                try {
                    assertThat(taskService.createTaskQuery().taskCandidateGroup(ModelContract.TECHNICIANS)
                            .orderByTaskCreateTime().desc().listPage(0, 15)).isNotEmpty();
                } finally {
                    identityService.clearAuthentication();
                }
                // the engine's own query of the same tasks: no authorization check without an authenticated user
                assertThat(taskService.createTaskQuery().taskCandidateGroup(ModelContract.TECHNICIANS)
                        .orderByTaskCreateTime().desc().listPage(0, 15)).isNotEmpty();
                configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(configuration.getJobExecutor()));
            }
            status.setRollbackOnly();   // the acquired jobs' locks
            return jdbc.queryForList("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql", String.class);
        });
        assertThat(prepared).anyMatch(sql -> sql.contains("ACT_RU_TASK") && sql.contains("ACT_RU_IDENTITYLINK"));
        assertThat(prepared).noneMatch(sql -> sql.strip().toLowerCase(Locale.ROOT).startsWith("select")
                && sql.contains("ACT_RU_AUTHORIZATION"));
        assertThat(prepared).noneMatch(sql -> sql.contains("RES.LOCK_EXP_TIME_ <"));
    }
}
