package org.posmaintenance.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.webapp.db.CommandExecutor;
import org.camunda.bpm.webapp.impl.db.CommandExecutorImpl;
import org.camunda.bpm.webapp.impl.db.QuerySessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.model.ModelContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.RequestContextFilter;

/**
 * On PostgreSQL a person's task query (with the authorization check) and the job executor's acquisition are never kept
 * as server-side prepared statements, which PostgreSQL could switch to a generic plan, while the same task query
 * without the check is, after the driver's threshold of five executions on one connection. Cockpit's and Admin's own
 * queries run in MyBatis sessions of their own, which carry the same rule. The application's own statements in a web
 * request (Tasklist's worklist among them) are never kept either, while they may be in the job executor's steps.
 */
class AuthorizedQueryPlansTest extends ProcessScenarioTest {

    @Autowired IdentityService identityService;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired ApplicationContext context;
    ProcessEngineConfigurationImpl configuration;

    @BeforeEach
    void onPostgreSqlOnly() {
        configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assumeTrue("postgres".equals(configuration.getDatabaseType()), "PostgreSQL only (the CI's second run)");
    }

    @Test
    void aPersonsTaskQueryAndTheJobAcquisitionArePlannedWithTheirParametersEachTime() {
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

    @Test
    void cockpitsAndAdminsOwnQueriesFollowTheSameRule() throws ReflectiveOperationException {
        String engine = configuration.getProcessEngineName();
        for (CommandExecutor webappQueries : List.<CommandExecutor>of(Cockpit.getRuntimeDelegate().getCommandExecutor(engine),
                ((DefaultAdminRuntimeDelegate) Admin.getRuntimeDelegate()).getCommandExecutor(engine))) {
            Field sessions = CommandExecutorImpl.class.getDeclaredField("sessionFactory");
            sessions.setAccessible(true);
            QuerySessionFactory factory = (QuerySessionFactory) sessions.get(webappQueries);
            assertThat(factory.getSqlSessionFactory().getConfiguration().getInterceptors())
                    .hasAtLeastOneElementOfType(AuthorizedQueryPlans.PlannedPerExecution.class);
        }
    }

    @Test
    void theApplicationsQueriesForAWebRequestArePlannedWithTheirParametersEachTime() {
        // every web request (Tasklist's and the engine's REST API, the merchant page) has its request context
        Object requestContext = context.getBean("requestContextFilter");
        assertThat(requestContext instanceof FilterRegistrationBean<?> registration ? registration.getFilter() : requestContext)
                .isInstanceOf(RequestContextFilter.class);
        // statement texts of this test alone: the pooled connection may hold the worklist's own from other tests
        String inRequest = "SELECT COUNT(*) FROM worklist_group WHERE group_id = ? AND due IS NOT NULL";
        String inStep = "SELECT COUNT(*) FROM worklist_group WHERE group_id = ? AND task_id IS NOT NULL";
        List<String> prepared = new TransactionTemplate(transactionManager).execute(status -> {
            // a count of a group's tasks, as a request of Tasklist runs the worklist's
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            try {
                for (int i = 0; i < 8; i++) {
                    jdbc.queryForObject(inRequest, Long.class, ModelContract.REPAIR_CENTRE);
                }
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
            // outside a request (a step of the job executor) a statement becomes a prepared statement of the connection
            for (int i = 0; i < 8; i++) {
                jdbc.queryForObject(inStep, Long.class, ModelContract.TECHNICIANS);
            }
            return jdbc.queryForList("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql", String.class);
        });
        assertThat(prepared).contains(inStep.replace("?", "$1"));
        assertThat(prepared).doesNotContain(inRequest.replace("?", "$1"));
    }
}
