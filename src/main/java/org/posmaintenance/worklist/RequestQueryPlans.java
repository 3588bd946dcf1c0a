package org.posmaintenance.worklist;

import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGStatement;
import org.springframework.boot.autoconfigure.jdbc.JdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The application's {@link JdbcTemplate}: on PostgreSQL, what it runs for a person's request (Tasklist's worklist,
 * the merchant page and API, the reports, a ticket's record) is planned with its parameters each time, as the
 * engine's queries with an authorization check are ({@link AuthorizedQueryPlans}); what it runs in the steps of the
 * job executor may use PostgreSQL's cached plans. A cached (generic) plan does not know which group, merchant or period
 * a query is for: the worklist's count of a small group (100 tasks among 100,000) scans the whole worklist with it, 4 ms
 * instead of a few hundredths, since the plan was chosen for the large group.
 *
 * <p>A statement text that the steps ran five times on a connection is a prepared statement of that connection, which a
 * request then reuses (the driver's cache goes by the text): the statements that both run read and write rows by their
 * key, where a cached plan is the right one. Takes the place of Spring Boot's template, with the same
 * {@code spring.jdbc.template.*} settings.
 */
@Configuration(proxyBeanMethods = false)
public class RequestQueryPlans {

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource, JdbcProperties properties) {
        JdbcTemplate template = new PlannedPerRequest(dataSource);
        JdbcProperties.Template settings = properties.getTemplate();
        template.setFetchSize(settings.getFetchSize());
        template.setMaxRows(settings.getMaxRows());
        if (settings.getQueryTimeout() != null) {
            template.setQueryTimeout((int) settings.getQueryTimeout().toSeconds());
        }
        template.setIgnoreWarnings(settings.isIgnoreWarnings());
        template.setSkipResultsProcessing(settings.isSkipResultsProcessing());
        template.setSkipUndeclaredResults(settings.isSkipUndeclaredResults());
        template.setResultsMapCaseInsensitive(settings.isResultsMapCaseInsensitive());
        return template;
    }

    /** Sends the statements of a web request unnamed, so that PostgreSQL plans them with their parameters. */
    static final class PlannedPerRequest extends JdbcTemplate {

        PlannedPerRequest(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void applyStatementSettings(Statement statement) throws SQLException {
            super.applyStatementSettings(statement);
            if (RequestContextHolder.getRequestAttributes() != null && statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        }
    }
}
