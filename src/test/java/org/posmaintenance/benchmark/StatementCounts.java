package org.posmaintenance.benchmark;

import static org.posmaintenance.model.ModelContract.PROCESS_ID;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --statements}: the SQL statements a ticket costs, per model: for a number of tickets of the real process and
 * then of the bare model, each driven to its end as in the throughput part, the statements per ticket grouped by kind
 * and table, with the database time they took. What to cut first when the real process is slow against the bare one.
 * On H2 from its own statement statistics ({@code INFORMATION_SCHEMA.QUERY_STATISTICS}); on PostgreSQL from
 * {@code pg_stat_statements} (execution and planning time; the server must load the module and the database have it
 * in the schema {@code statements}, which {@code scripts/benchmark.sh --statements} arranges), after a warm-up of both models.
 */
final class StatementCounts {

    private static final Pattern TABLE = Pattern.compile(
            "(?i)^\\s*(?:(update)\\s+|(select|insert|delete|merge)\\b.*?\\b(?:from|into)\\s+)\"?([A-Za-z_][\\w.]*)");

    private record Line(String kind, String table, long executions, double millis, double planMillis) {

        Line(String kind, String table, long executions, double millis) {
            this(kind, table, executions, millis, 0);
        }
    }

    private final InProcessApplication application;
    private final TicketDriver driver;
    private int batch;

    StatementCounts(InProcessApplication application) {
        this.application = application;
        this.driver = new TicketDriver(application.engine());
    }

    void print(int tickets, int threads, boolean postgres) {
        JdbcTemplate jdbc = application.jdbc();
        TicketDriver.insertMerchants(jdbc);
        if (postgres) {
            int warmUp = Math.max(100, tickets / 2);
            System.out.printf("  warm-up: %d tickets through each model%n", warmUp);
            for (String model : List.of(PROCESS_ID, TicketDriver.BARE_PROCESS_ID)) {
                run(model, warmUp, threads);
            }
        }
        for (String model : List.of(PROCESS_ID, TicketDriver.BARE_PROCESS_ID)) {
            List<Line> lines;
            int failures;
            if (postgres) {
                jdbc.execute("SELECT statements.pg_stat_statements_reset()");
                failures = run(model, tickets, threads);
                lines = jdbc.query("SELECT query, calls, total_exec_time, total_plan_time FROM statements.pg_stat_statements"
                                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                                + " AND query NOT LIKE '%pg_stat_statements%'",
                        (row, n) -> line(row.getString(1), row.getLong(2), row.getDouble(3), row.getDouble(4)));
            } else {
                jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 2000");
                jdbc.execute("SET QUERY_STATISTICS FALSE");
                jdbc.execute("SET QUERY_STATISTICS TRUE");
                failures = run(model, tickets, threads);
                lines = jdbc.query("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME"
                        + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS", (row, n) -> line(row.getString(1), row.getLong(2), row.getDouble(3), 0));
                jdbc.execute("SET QUERY_STATISTICS FALSE");
            }
            Map<String, Line> grouped = new LinkedHashMap<>();
            for (Line line : lines) {
                grouped.merge(line.kind() + " " + line.table(), line, (a, b) -> new Line(a.kind(), a.table(),
                        a.executions() + b.executions(), a.millis() + b.millis(), a.planMillis() + b.planMillis()));
            }
            long statements = lines.stream().mapToLong(Line::executions).sum();
            double millis = lines.stream().mapToDouble(Line::millis).sum();
            double planMillis = lines.stream().mapToDouble(Line::planMillis).sum();
            System.out.printf(Locale.ROOT, "  %s: %,d tickets (%d failed), %.1f statements and %.1f ms of database time per ticket%s%n",
                    model, tickets, failures, (double) statements / tickets, (millis + planMillis) / tickets,
                    postgres ? " (%.1f executing, %.1f planning)".formatted(millis / tickets, planMillis / tickets) : "");
            grouped.values().stream().sorted(Comparator.comparingDouble((Line line) -> line.millis() + line.planMillis()).reversed())
                    .limit(80).forEach(line -> System.out.printf(Locale.ROOT, "    %6.1f  %5.2f ms%s  %-6s %s%n",
                            (double) line.executions() / tickets, (line.millis() + line.planMillis()) / tickets,
                            postgres ? " (%5.2f planning)".formatted(line.planMillis() / tickets) : "", line.kind(), line.table()));
        }
    }

    /** Starts {@code tickets} tickets of the model, each on a new terminal, and drives them to their end; the failures. */
    private int run(String model, int tickets, int threads) {
        List<String> terminals = TicketDriver.insertTerminals(application.jdbc(), "TS%02d".formatted(batch++), tickets);
        return TicketDriver.inParallel(tickets, threads, i -> driver.runToEnd(driver.start(model, terminals.get(i))));
    }

    private static Line line(String sql, long executions, double millis, double planMillis) {
        Matcher matcher = TABLE.matcher(sql.replace('\n', ' '));
        if (!matcher.find()) {
            return new Line("other", sql.length() > 40 ? sql.substring(0, 40) : sql, executions, millis, planMillis);
        }
        String kind = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return new Line(kind.toLowerCase(Locale.ROOT), matcher.group(3).toUpperCase(Locale.ROOT), executions, millis, planMillis);
    }
}
