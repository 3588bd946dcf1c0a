package org.posmaintenance.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Processor time spent by this JVM and, when the database is a PostgreSQL server on this machine, by the server's
 * processes (from {@code /proc}). On two busy cores throughput follows the sum of both per ticket; unlike tickets per
 * second, that sum hardly changes with the machine's load, so it tells two versions of the process apart by a few
 * per cent where throughput cannot.
 */
final class ProcessorTime {

    /** Processor time at one moment: this JVM's, and each PostgreSQL server process's by its id. */
    record Reading(long javaNanos, Map<Long, Long> databaseNanos) {

        /** Processor time from {@code earlier} to this reading: this JVM's and the database server's, in nanoseconds. */
        Spent since(Reading earlier) {
            long database = 0;
            for (Map.Entry<Long, Long> process : databaseNanos.entrySet()) {
                // a process that started in between counts whole; one that ended in between is lost (autovacuum workers)
                database += process.getValue() - earlier.databaseNanos.getOrDefault(process.getKey(), 0L);
            }
            return new Spent(javaNanos - earlier.javaNanos, database);
        }
    }

    /** Processor time spent in an interval, in nanoseconds. */
    record Spent(long javaNanos, long databaseNanos) {

        Spent plus(Spent other) {
            return new Spent(javaNanos + other.javaNanos, databaseNanos + other.databaseNanos);
        }

        double totalMillis(int items) {
            return (javaNanos + databaseNanos) / 1e6 / items;
        }

        /** Milliseconds per item: this JVM's, the database server's, and both together. */
        String perItem(int items) {
            return "%.1f ms (Java %.1f, database server %.1f)".formatted((javaNanos + databaseNanos) / 1e6 / items,
                    javaNanos / 1e6 / items, databaseNanos / 1e6 / items);
        }
    }

    private static final Path PROC = Path.of("/proc");
    /** Linux's clock ticks per second for {@code /proc/<pid>/stat} (USER_HZ, 100 on every common build). */
    private static final long TICKS_PER_SECOND = 100;

    private final boolean localPostgres;

    /** @param localPostgres whether the database is a PostgreSQL server on this machine, whose processes to count */
    ProcessorTime(boolean localPostgres) {
        this.localPostgres = localPostgres && Files.isDirectory(PROC);
    }

    Reading read() {
        long java = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Reading(java, localPostgres ? postgresProcesses() : Map.of());
    }

    private static Map<Long, Long> postgresProcesses() {
        Map<Long, Long> nanos = new HashMap<>();
        try (Stream<Path> processes = Files.list(PROC)) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(path -> {
                try {
                    String stat = Files.readString(path.resolve("stat"));
                    // pid (comm) state ppid ...: the command name may hold spaces, the fields follow its closing parenthesis
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        return;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    // fields from "state" on: utime is the 14th field of the line, the 12th here; stime the 13th
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    nanos.put(Long.parseLong(path.getFileName().toString()), ticks * (1_000_000_000L / TICKS_PER_SECOND));
                } catch (IOException | RuntimeException ended) {
                    // the process ended while it was read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return nanos;
    }
}
