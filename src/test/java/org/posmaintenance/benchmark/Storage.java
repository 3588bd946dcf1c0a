package org.posmaintenance.benchmark;

import static org.posmaintenance.model.ModelContract.PROCESS_ID;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a ticket costs the database: the bytes the database grew by per ticket, for tickets driven to their
 * end (closed, with the engine's history and the application's records) and, around the backlog, for open
 * tickets waiting at "Confirm diagnosis". On PostgreSQL the sum of {@code pg_total_relation_size} over the
 * schema's tables (heap, indexes, TOAST), table by table; for closed tickets without the engine's runtime tables
 * ({@code ACT_RU_*}): a closed ticket has no rows there, the space its deleted rows took is reused by the next
 * tickets once vacuumed. On H2 the growth of its file.
 */
final class Storage {

    /** The sizes of the tables at one moment; {@code byTable} is empty on H2. */
    record Sizes(long total, Map<String, Long> byTable) {
    }

    /**
     * Bytes per ticket between two measurements, in all and for the tables that grew most.
     *
     * @param largest the tables that grew most, bytes per ticket, largest first (PostgreSQL only)
     */
    record PerTicket(int tickets, long bytes, List<Map.Entry<String, Long>> largest) {

        String summary() {
            StringBuilder text = new StringBuilder("%,d bytes".formatted(bytes));
            if (!largest.isEmpty()) {
                text.append(" (").append(largest.stream().map(entry -> entry.getKey() + " " + "%,d".formatted(entry.getValue()))
                        .collect(Collectors.joining(", "))).append(")");
            }
            return text.toString();
        }
    }

    /** Tables named in the breakdown. */
    static final int LARGEST = 14;

    private final InProcessApplication application;
    private final BenchDatabase database;

    Storage(InProcessApplication application, BenchDatabase database) {
        this.application = application;
        this.database = database;
    }

    Sizes measure() {
        if (!database.isPostgres()) {
            return new Sizes(database.sizeInBytes(), Map.of());
        }
        Map<String, Long> byTable = new HashMap<>();
        application.jdbc().query("SELECT c.relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = current_schema()",
                row -> { byTable.put(row.getString("relname").toUpperCase(), row.getLong("bytes")); });
        return new Sizes(byTable.values().stream().mapToLong(Long::longValue).sum(), byTable);
    }

    /** Drives {@code tickets} real tickets to their end and measures what they added. */
    PerTicket closed(int tickets, int threads) {
        TicketDriver.insertMerchants(application.jdbc());
        List<String> terminals = TicketDriver.insertTerminals(application.jdbc(), "ST", tickets);
        TicketDriver driver = new TicketDriver(application.engine());
        Sizes before = measure();
        int failures = TicketDriver.inParallel(tickets, threads, i -> driver.runToEnd(driver.start(PROCESS_ID, terminals.get(i))));
        return perTicket(withoutRuntime(before), withoutRuntime(measure()), tickets - failures);
    }

    /** The sizes without the engine's runtime tables (all of them on H2, which has no sizes by table). */
    private static Sizes withoutRuntime(Sizes sizes) {
        if (sizes.byTable().isEmpty()) {
            return sizes;
        }
        Map<String, Long> kept = new HashMap<>(sizes.byTable());
        kept.keySet().removeIf(table -> table.startsWith("ACT_RU_"));
        return new Sizes(kept.values().stream().mapToLong(Long::longValue).sum(), kept);
    }

    static PerTicket perTicket(Sizes before, Sizes after, int tickets) {
        if (tickets <= 0) {
            return new PerTicket(0, 0, List.of());
        }
        List<Map.Entry<String, Long>> largest = after.byTable().entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), (entry.getValue() - before.byTable().getOrDefault(entry.getKey(), 0L)) / tickets))
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(LARGEST).toList();
        return new PerTicket(tickets, (after.total() - before.total()) / tickets, largest);
    }
}
