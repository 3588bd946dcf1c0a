package org.posmaintenance.worklist;

import java.sql.Connection;
import java.sql.Statement;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's queries whose cached plan is known to go wrong are planned with their parameters on
 * every execution; all other statements, the engine's own steps and the foreign-key checks inside its inserts and
 * deletes, may use the plans PostgreSQL caches per connection. The two known to go wrong:
 * <ul>
 * <li>queries that read the grants, above all those with an authorization check (the requests of people: Tasklist,
 * Cockpit, the REST API): a cached
 * (generic) plan of Tasklist's task query joins every open task with every task grant (seconds at 10,000 open tasks
 * instead of a tenth of a second, BENCHMARKS.md);</li>
 * <li>the job executor's acquisition of due jobs: its generic plan scans all jobs for the exclusive-job check once per
 * acquisition (1,000 timers due at once with 200,000 pending fired in 14.5 s instead of 7.6).</li>
 * </ul>
 * The JDBC driver sends a statement as a named, server-side prepared statement from its fifth execution on, and
 * PostgreSQL may then switch it to a generic plan; a statement the driver sends unnamed ({@code prepareThreshold} 0)
 * is planned with its parameters each time. Before, the profile {@code postgres} planned every statement anew
 * ({@code plan_cache_mode=force_custom_plan}), which cost the engine's own steps a third of their database time.
 */
@Component
public class AuthorizedQueryPlans extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if ("postgres".equals(configuration.getDatabaseType())) {
            configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedPerExecution());
        }
    }

    /** Sends those statements unnamed, so that PostgreSQL plans them with their parameters. */
    @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
    static final class PlannedPerExecution implements Interceptor {

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            Statement statement = (Statement) invocation.proceed();
            StatementHandler handler = (StatementHandler) invocation.getTarget();
            // the engine's handler routes to the kind of statement; its delegate knows which mapped statement it runs
            MappedStatement mapped = (MappedStatement) SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement");
            if (plannedPerExecution(mapped, handler.getBoundSql().getSql()) && statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            return statement;
        }

        /**
         * A query that reads the grants (the engine's mappings name the table in capitals, {@code ${prefix}ACT_RU_AUTHORIZATION};
         * the engine's own writes of a task's grants are not queries), or the acquisition of due jobs.
         */
        static boolean plannedPerExecution(MappedStatement mapped, String sql) {
            return mapped.getSqlCommandType() == SqlCommandType.SELECT
                    && (sql.contains("ACT_RU_AUTHORIZATION") || mapped.getId().endsWith(".selectNextJobsToExecute"));
        }
    }
}
