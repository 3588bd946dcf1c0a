package org.posmaintenance.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.posmaintenance.PosMaintenanceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application itself (all its beans, delegates, Flyway, grants, Tasklist filters) started in the
 * benchmark's JVM on the benchmark database (with its web server on a free port, for Tasklist's requests over HTTP).
 * Its settings are the production defaults of {@code application.yaml} (and of the {@code postgres}
 * profile on PostgreSQL) except: the notification outbox is not sent (rows are still written in each
 * step's transaction), the job executor is stopped until {@link #startJobExecutor()} so that the
 * drivers execute the asynchronous steps themselves, and no engine statement may run longer than
 * {@value #STATEMENT_TIMEOUT_SECONDS} s.
 */
final class InProcessApplication implements AutoCloseable {

    static final int STATEMENT_TIMEOUT_SECONDS = 60;

    private final ConfigurableApplicationContext context;
    private final ProcessEngine engine;

    private InProcessApplication(ConfigurableApplicationContext context) {
        this.context = context;
        this.engine = context.getBean(ProcessEngine.class);
        jobExecutor().shutdown();
    }

    static InProcessApplication start(BenchDatabase database, String adminPassword) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--camunda.bpm.admin-user.password=" + adminPassword,
                "--camunda.bpm.generic-properties.properties.hostname=benchmark",
                // a guard, set once per connection: no statement waits longer (a Tasklist query may, see BENCHMARKS.md)
                "--spring.datasource.hikari.connection-init-sql=" + (database.isPostgres()
                        ? "SET statement_timeout = " + STATEMENT_TIMEOUT_SECONDS * 1000
                        : "SET QUERY_TIMEOUT " + STATEMENT_TIMEOUT_SECONDS * 1000),
                "--pos.notifications.sending=false",
                // Tasklist's requests come over plain HTTP from the benchmark: no Secure-only cookies (postgres profile)
                "--camunda.bpm.webapp.csrf.enable-secure-cookie=false", "--camunda.bpm.webapp.session-cookie.enable-secure-cookie=false",
                // the benchmark's load comes from one client: no report limit (MerchantThrottle)
                "--pos.merchant.reports-per-client=100000000", "--pos.merchant.reports-per-merchant=100000000",
                "--spring.main.banner-mode=off",
                // each run gets a new database: the engine creates its schema (production: scripts/db-schema.sh, the
                // same engine scripts and the application's indexes)
                "--camunda.bpm.database.schema-update=true",
                "--logging.level.root=WARN"));
        if (!database.profile().isEmpty()) {
            arguments.add("--spring.profiles.active=" + database.profile());
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PosMaintenanceApplication.class).run(arguments.toArray(String[]::new));
        return new InProcessApplication(context);
    }

    ProcessEngine engine() {
        return engine;
    }

    /** The port of the application's web server. */
    int port() {
        return ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer().getPort();
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    TransactionTemplate transaction() {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    }

    /** Starts the application's job executor (as configured by the starter: pool, acquisition, back-off). */
    void startJobExecutor() {
        jobExecutor().start();
    }

    Map<String, Object> jobExecutorSettings() {
        JobExecutor executor = jobExecutor();
        return Map.of("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition(),
                "waitTimeInMillis", executor.getWaitTimeInMillis(),
                "maxWait", executor.getMaxWait(),
                "lockTimeInMillis", executor.getLockTimeInMillis());
    }

    @Override
    public void close() {
        if (jobExecutor().isActive()) {
            jobExecutor().shutdown();
        }
        context.close();
    }
}
