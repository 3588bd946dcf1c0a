package org.posmaintenance.worklist;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.executor.statement.BaseStatementHandler;
import org.apache.ibatis.executor.statement.RoutingStatementHandler;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.session.ResultHandler;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.webapp.db.CommandExecutor;
import org.camunda.bpm.webapp.impl.db.CommandExecutorImpl;
import org.camunda.bpm.webapp.impl.db.QuerySessionFactory;
import org.postgresql.PGStatement;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's queries whose cached plan is known to go wrong are planned with their parameters on
 * every execution; all other statements, the engine's own steps and the foreign-key checks inside its inserts and
 * deletes, may use the plans PostgreSQL caches per connection. The two known to go wrong:
 * <ul>
 * <li>queries that read the grants, above all those with an authorization check (the requests of people: Tasklist,
 * Cockpit, the REST API): a cached (generic) plan of Tasklist's task query joins every open task with every task
 * grant (seconds at 10,000 open tasks instead of a tenth of a second, BENCHMARKS.md);</li>
 * <li>the job executor's acquisition of due jobs: its generic plan scans all jobs for the exclusive-job check once per
 * acquisition (1,000 timers due at once with 200,000 pending fired in 14.5 s instead of 7.3 to 7.7).</li>
 * </ul>
 * The JDBC driver sends a statement as a named, server-side prepared statement from its fifth execution on, and
 * PostgreSQL may then switch it to a generic plan; a statement the driver sends unnamed ({@code prepareThreshold} 0)
 * is planned with its parameters each time. Before, the profile {@code postgres} planned every statement anew
 * ({@code plan_cache_mode=force_custom_plan}): 39 % of PostgreSQL's time for a ticket was planning.
 */
@Component
public class AuthorizedQueryPlans extends AbstractProcessEnginePlugin implements SmartLifecycle {

    private volatile ProcessEngineConfigurationImpl postgresEngine;
    private volatile boolean running;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if ("postgres".equals(configuration.getDatabaseType())) {
            configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedPerExecution());
            postgresEngine = configuration;
        }
    }

    /**
     * Cockpit's and Admin's own queries (their plugins' statistics, with the grants of the user joined) run through
     * MyBatis sessions of their own, built from the engine's configuration on the same connections: the same rule goes
     * into those, before the web server takes requests (a statement sent five times without it would stay a named
     * statement of its connection).
     */
    @Override
    public void start() {
        ProcessEngineConfigurationImpl engine = postgresEngine;
        if (engine != null) {
            String name = engine.getProcessEngineName();
            if (Cockpit.getRuntimeDelegate() != null) {
                plannedPerExecution(Cockpit.getRuntimeDelegate().getCommandExecutor(name));
            }
            if (Admin.getRuntimeDelegate() instanceof DefaultAdminRuntimeDelegate admin) {
                plannedPerExecution(admin.getCommandExecutor(name));
            }
        }
        running = true;
    }

    private static void plannedPerExecution(CommandExecutor webappQueries) {
        QuerySessionFactory sessions;
        try {
            sessions = (QuerySessionFactory) PlannedPerExecution.readable(CommandExecutorImpl.class, "sessionFactory").get(webappQueries);
        } catch (IllegalAccessException | ClassCastException e) {
            throw new IllegalStateException("Camunda's web applications without the query sessions of 7.24", e);
        }
        sessions.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedPerExecution());
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // before the web server's connectors open (its start-stop lifecycle's phase: SMART_LIFECYCLE_PHASE - 1024)
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
    }

    /**
     * Hands MyBatis a {@link PlannedStatements} for each statement the engine runs. Not through MyBatis's {@code Plugin}
     * proxy, which looks up the intercepted methods by reflection for every handler it wraps and calls every method
     * of the handler by reflection.
     */
    static final class PlannedPerExecution implements Interceptor {

        // The statement handler the engine's MyBatis builds routes to the handler of the statement's kind, which holds
        // the mapped statement. Read from their fields (MyBatis's MetaObject would build its class metadata anew for
        // each statement, a sixth of a ticket's processor time in a profile); looked up when the engine starts.
        static final Field DELEGATE = readable(RoutingStatementHandler.class, "delegate");
        static final Field MAPPED_STATEMENT = readable(BaseStatementHandler.class, "mappedStatement");

        @Override
        public Object plugin(Object target) {
            return target instanceof RoutingStatementHandler handler ? new PlannedStatements(handler) : target;
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            return invocation.proceed();   // not called: plugin() does the wrapping
        }

        private static Field readable(Class<?> type, String name) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(type.getName() + " without its field " + name, e);
            }
        }
    }

    /** The engine's statement handler, which sends the statements planned per execution unnamed. */
    static final class PlannedStatements implements StatementHandler {

        private final RoutingStatementHandler handler;

        PlannedStatements(RoutingStatementHandler handler) {
            this.handler = handler;
        }

        @Override
        public Statement prepare(Connection connection, Integer transactionTimeout) throws SQLException {
            Statement statement = handler.prepare(connection, transactionTimeout);
            if (plannedPerExecution() && statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            return statement;
        }

        /**
         * A query that reads the grants (the engine's mappings name the table in capitals, {@code ${prefix}ACT_RU_AUTHORIZATION}):
         * people's queries with their authorization check, and the engine's look-up of a grant before it writes a task's
         * (its inserts and deletes of grants may be cached); or the acquisition of due jobs.
         */
        private boolean plannedPerExecution() {
            MappedStatement mapped;
            try {
                mapped = (MappedStatement) PlannedPerExecution.MAPPED_STATEMENT.get(PlannedPerExecution.DELEGATE.get(handler));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return mapped.getSqlCommandType() == SqlCommandType.SELECT
                    && (mapped.getId().endsWith(".selectNextJobsToExecute") || getBoundSql().getSql().contains("ACT_RU_AUTHORIZATION"));
        }

        @Override
        public void parameterize(Statement statement) throws SQLException {
            handler.parameterize(statement);
        }

        @Override
        public void batch(Statement statement) throws SQLException {
            handler.batch(statement);
        }

        @Override
        public int update(Statement statement) throws SQLException {
            return handler.update(statement);
        }

        @Override
        public <E> List<E> query(Statement statement, ResultHandler resultHandler) throws SQLException {
            return handler.query(statement, resultHandler);
        }

        @Override
        public <E> Cursor<E> queryCursor(Statement statement) throws SQLException {
            return handler.queryCursor(statement);
        }

        @Override
        public BoundSql getBoundSql() {
            return handler.getBoundSql();
        }

        @Override
        public ParameterHandler getParameterHandler() {
            return handler.getParameterHandler();
        }
    }
}
