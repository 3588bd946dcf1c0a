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
 * {@code --statements} (H2 only): the SQL statements a ticket costs, per model, from H2's own statement statistics
 * ({@code INFORMATION_SCHEMA.QUERY_STATISTICS}): for a number of tickets of the real process and then of the bare
 * model, each driven to its end as in the throughput part, the statements per ticket grouped by kind and table, with
 * the database time they took. What to cut first when the real process is slow against the bare one.
 */
final class StatementCounts {

    private static final Pattern TABLE = Pattern.compile(
            "(?i)^\\s*(?:(update)\\s+|(select|insert|delete|merge)\\b.*?\\b(?:from|into)\\s+)\"?([A-Za-z_][\\w.]*)");

    private record Line(String kind, String table, long executions, double millis) {
    }

    private final InProcessApplication application;
    private final TicketDriver driver;
    private int batch;

    StatementCounts(InProcessApplication application) {
        this.application = application;
        this.driver = new TicketDriver(application.engine());
    }

    void print(int tickets, int threads) {
        TicketDriver.insertMerchants(application.jdbc());
        for (String model : List.of(PROCESS_ID, TicketDriver.BARE_PROCESS_ID)) {
            List<String> terminals = TicketDriver.insertTerminals(application.jdbc(), "TS%02d".formatted(batch++), tickets);
            JdbcTemplate jdbc = application.jdbc();
            jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 2000");
            jdbc.execute("SET QUERY_STATISTICS FALSE");
            jdbc.execute("SET QUERY_STATISTICS TRUE");
            int failures = TicketDriver.inParallel(tickets, threads, i -> driver.runToEnd(driver.start(model, terminals.get(i))));
            List<Line> lines = jdbc.query("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME"
                    + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS", (row, n) -> line(row.getString(1), row.getLong(2), row.getDouble(3)));
            jdbc.execute("SET QUERY_STATISTICS FALSE");
            Map<String, Line> grouped = new LinkedHashMap<>();
            for (Line line : lines) {
                grouped.merge(line.kind() + " " + line.table(), line,
                        (a, b) -> new Line(a.kind(), a.table(), a.executions() + b.executions(), a.millis() + b.millis()));
            }
            long statements = lines.stream().mapToLong(Line::executions).sum();
            double millis = lines.stream().mapToDouble(Line::millis).sum();
            System.out.printf("  %s: %,d tickets (%d failed), %.1f statements and %.1f ms of database time per ticket%n", model,
                    tickets, failures, (double) statements / tickets, millis / tickets);
            grouped.values().stream().sorted(Comparator.comparingLong(Line::executions).reversed()).limit(80)
                    .forEach(line -> System.out.printf(Locale.ROOT, "    %6.1f  %5.2f ms  %-6s %s%n", (double) line.executions() / tickets,
                            line.millis() / tickets, line.kind(), line.table()));
        }
    }

    private static Line line(String sql, long executions, double millis) {
        Matcher matcher = TABLE.matcher(sql.replace('\n', ' '));
        if (!matcher.find()) {
            return new Line("other", sql.length() > 40 ? sql.substring(0, 40) : sql, executions, millis);
        }
        String kind = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return new Line(kind.toLowerCase(Locale.ROOT), matcher.group(3).toUpperCase(Locale.ROOT), executions, millis);
    }
}
