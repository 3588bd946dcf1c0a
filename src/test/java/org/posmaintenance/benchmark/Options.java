package org.posmaintenance.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code scripts/benchmark.sh}: sizes of each part and which databases. */
record Options(boolean quick, boolean h2, boolean postgres, int tickets, int storageTickets, int warmUp, int rounds, int threads, int backlog, int h2Backlog,
               int queryWarmUp, int queryIterations, int timers, Duration timerIdle, boolean writeBenchmarksFile,
               boolean processOnly, boolean statements) {

    static final String USAGE = """
            Usage: scripts/benchmark.sh [--quick] [--h2-only | --postgres-only] [--tickets=N] [--storage-tickets=N] [--backlog=N]
                                        [--timers=N] [--threads=N] [--query-iterations=N] [--timer-idle=SECONDS] [--warm-up=N] [--no-write]
                                        [--process-only [--statements]]
              --quick             small sizes for a try (2,000 open tickets, 200 tickets per model, 500 timers)
              --h2-only           only the embedded H2 file database (no PostgreSQL needed)
              --postgres-only     only PostgreSQL
              --tickets=N         measured tickets per model in the throughput part (default 500; quick 200)
              --storage-tickets=N tickets driven to their end to measure the storage per closed ticket (default 1000; quick 200)
              --backlog=N         open tickets of the backlog on PostgreSQL (default 100000; quick 2000)
              --h2-backlog=N      open tickets of the backlog on H2 (default 10000; quick 2000)
              --timers=N          SLA timers that fall due at once (default 1000; quick 500)
              --threads=N         threads that drive tickets (default 4)
              --query-iterations=N  timed Tasklist requests per measurement (default 200; quick 50)
              --timer-idle=SECONDS  how long the job executor runs idle before the timers fall due (default 10)
              --warm-up=N         tickets through each model before the measured rounds (default a fifth of --tickets, at least 300)
              --no-write          print the figures but leave BENCHMARKS.md alone
              --process-only      only throughput and the storage per closed and per open ticket (the backlog's size), for
                                  trying a change to the process in minutes; no start-up, Tasklist or timers; BENCHMARKS.md
                                  left alone
              --statements        with --process-only and one database (--h2-only or --postgres-only): the SQL statements
                                  per ticket of each model, by kind and table, with their time (on PostgreSQL also planning)
            """;

    static Options parse(String[] arguments) {
        boolean quick = List.of(arguments).contains("--quick");
        boolean h2 = true;
        boolean postgres = true;
        int tickets = quick ? 200 : 500;
        int storageTickets = quick ? 200 : 1000;
        int backlog = quick ? 2000 : 100_000;
        int h2Backlog = quick ? 2000 : 10_000;
        int timers = quick ? 500 : 1000;
        int threads = 4;
        int queryIterations = quick ? 50 : 200;
        int timerIdle = 10;
        boolean write = true;
        boolean processOnly = false;
        boolean statements = false;
        int warmUp = 0;
        List<String> unknown = new ArrayList<>();
        for (String argument : arguments) {
            String[] pair = argument.split("=", 2);
            switch (pair[0]) {
                case "--quick" -> { }
                case "--h2-only" -> postgres = false;
                case "--postgres-only" -> h2 = false;
                case "--no-write" -> write = false;
                case "--process-only" -> processOnly = true;
                case "--statements" -> statements = true;
                case "--tickets" -> tickets = positive(pair);
                case "--storage-tickets" -> storageTickets = positive(pair);
                case "--backlog" -> backlog = positive(pair);
                case "--h2-backlog" -> h2Backlog = positive(pair);
                case "--timers" -> timers = positive(pair);
                case "--threads" -> threads = positive(pair);
                case "--query-iterations" -> queryIterations = positive(pair);
                case "--timer-idle" -> timerIdle = positive(pair);
                case "--warm-up" -> warmUp = positive(pair);
                default -> unknown.add(argument);
            }
        }
        if (!unknown.isEmpty() || (!h2 && !postgres) || (statements && (!processOnly || (h2 && postgres)))) {
            throw new IllegalArgumentException("Unknown or conflicting arguments " + unknown + "\n" + USAGE);
        }
        if (!processOnly && timers > Math.min(backlog, h2Backlog)) {
            throw new IllegalArgumentException("--timers (" + timers + ") cannot exceed the backlog\n" + USAGE);
        }
        int rounds = 2;
        // long enough for the JIT and the database to settle on both models' code: after 20 warm-up tickets the first
        // measured round of the real process ran at 70 % of the second's speed, the bare model's at 85 %; after 100 (on
        // PostgreSQL, 3 December) at 82 % and 97 %, which held the real process back; after 300 at 93-95 % and 89-92 %
        warmUp = warmUp > 0 ? warmUp : Math.max(300, tickets / 5);
        return new Options(quick, h2, postgres, tickets - tickets % rounds, storageTickets, warmUp, rounds, threads, backlog, h2Backlog,
                Math.max(5, queryIterations / 10), queryIterations, timers, Duration.ofSeconds(timerIdle), write && !processOnly,
                processOnly, statements);
    }

    private static int positive(String[] pair) {
        if (pair.length < 2) {
            throw new IllegalArgumentException(pair[0] + " needs a value, e.g. " + pair[0] + "=100\n" + USAGE);
        }
        int value = Integer.parseInt(pair[1].replace("_", "").replace(",", ""));
        if (value <= 0) {
            throw new IllegalArgumentException(pair[0] + " must be positive\n" + USAGE);
        }
        return value;
    }

    int backlogOn(BenchDatabase database) {
        return database.isPostgres() ? backlog : h2Backlog;
    }

    String describe() {
        return "%s: %,d tickets per model (after %,d warm-up, %d rounds), %,d closed tickets for the storage, %d driver threads, backlog %,d open tickets on PostgreSQL and %,d on H2,"
                .formatted(quick ? "quick run" : "full run", tickets, warmUp, rounds, storageTickets, threads, backlog, h2Backlog)
                + " %,d Tasklist requests per measurement, %,d timers (job executor idle %d s before they fall due)"
                .formatted(queryIterations, timers, timerIdle.toSeconds());
    }
}
