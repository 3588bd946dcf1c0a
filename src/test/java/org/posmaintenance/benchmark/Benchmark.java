package org.posmaintenance.benchmark;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.posmaintenance.identity.TasklistFilters;
import org.posmaintenance.model.ModelContract;

/**
 * The benchmark command behind {@code scripts/benchmark.sh}: on each database (the embedded H2 file
 * database, then PostgreSQL) it measures start-up on a new and an empty database, throughput of the
 * real process against the bare model, the storage per closed and per open ticket, a backlog of open tickets, Tasklist's group query on it with
 * and without the application's indexes, SLA timers falling due at once, and start-up on the backlog.
 * It prints the figures, writes them to {@code target/benchmark/figures.md} and into BENCHMARKS.md.
 * It never fails because a target is missed: it reports met or missed.
 */
public final class Benchmark {

    /** The figures of one database. */
    record DatabaseRun(String database, String version, double startupNew, double startupEmpty, double startupBacklog,
                       Throughput.Result throughput, Storage.PerTicket closedTicket, Storage.PerTicket openTicket,
                       Backlog.Result backlog, TasklistHttp.Result httpFresh, TasklistHttp.Result http,
                       TasklistHttp.Result smallFresh, TasklistHttp.Result small,
                       TasklistQueries.Result queries, TasklistQueries.Result queriesWithoutIndexes, TimerLag.Result timers,
                       double minutes) {
    }

    /** Technicians whose Tasklist sessions send the HTTP requests in turn. */
    static final int TASKLIST_USERS = 10;

    /** Time allowed for the timed Tasklist requests of one measurement. */
    static final java.time.Duration QUERY_BUDGET = java.time.Duration.ofSeconds(60);

    private Benchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Options options;
        try {
            options = Options.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path output = Paths.get("target", "benchmark");
        StartUp.createFolder(output);
        Report report = new Report(options, Instant.now());
        System.out.println("== POS maintenance benchmark, " + options.describe());
        System.out.println(report.machine());

        List<BenchDatabase> databases = new ArrayList<>();
        if (options.h2()) {
            databases.add(BenchDatabase.h2(output.resolve("h2")));
        }
        if (options.postgres()) {
            databases.add(postgresFromEnvironment());
        }
        if (options.processOnly()) {
            for (BenchDatabase database : databases) {
                processOnly(database, options);
            }
            System.exit(0);
            return;
        }
        for (BenchDatabase database : databases) {
            report.add(runOn(database, options, output));
        }
        report.finish(Instant.now());
        String figures = report.markdown();
        System.out.println();
        System.out.println(figures);
        report.write(output.resolve("figures.md"), Paths.get("BENCHMARKS.md"), options.writeBenchmarksFile());
        System.exit(0);
    }

    static DatabaseRun runOn(BenchDatabase database, Options options, Path output) {
        long begin = System.nanoTime();
        String adminPassword = "bench-" + UUID.randomUUID();
        System.out.printf("%n== %s (%s)%n", database.label(), database.url());
        database.prepareEmpty();
        StartUp startUp = new StartUp(database, adminPassword, output);
        System.out.println("-- start-up on a new database (the engine creates its schema, Flyway migrates)");
        double startupNew = startUp.measure("new");
        System.out.printf("  Tasklist answered after %.1f s%n", startupNew);
        System.out.println("-- start-up on the empty database");
        double startupEmpty = startUp.measure("empty");
        System.out.printf("  Tasklist answered after %.1f s%n", startupEmpty);

        String version;
        Throughput.Result throughput;
        Storage.PerTicket closedTicket;
        Storage.PerTicket openTicket;
        Backlog.Result backlog;
        TasklistHttp.Result httpFresh;
        TasklistHttp.Result http;
        TasklistHttp.Result smallFresh;
        TasklistHttp.Result small;
        TasklistQueries.Result queries;
        TasklistQueries.Result withoutIndexes;
        TimerLag.Result timers;
        try (InProcessApplication application = InProcessApplication.start(database, adminPassword)) {
            version = database.isPostgres() ? "PostgreSQL " + database.postgresVersion()
                    : "H2 " + application.jdbc().queryForObject("SELECT H2VERSION()", String.class);
            deployBareModel(application.engine().getRepositoryService());

            System.out.printf("-- throughput: %,d tickets per model, %d threads, asynchronous steps run by the drivers%n",
                    options.tickets(), options.threads());
            throughput = new Throughput(application, database.isLocalPostgres()).run(options.warmUp(), options.tickets(),
                    options.rounds(), options.threads());
            System.out.printf("  real process %.1f tickets/s, bare model %.1f tickets/s, ratio %.2f%n",
                    throughput.realPerSecond(), throughput.barePerSecond(), throughput.ratio());
            printProcessorTime(throughput);

            Storage storage = new Storage(application, database);
            System.out.printf("-- storage: %,d more real tickets driven to their end, the database's growth per ticket%n",
                    options.storageTickets());
            closedTicket = storage.closed(options.storageTickets(), options.threads());
            System.out.println("  per closed ticket (with history): " + closedTicket.summary());

            System.out.printf("-- backlog: %,d open tickets, %d threads%n", options.backlogOn(database), options.threads());
            Storage.Sizes beforeBacklog = storage.measure();
            backlog = new Backlog(application, database).create(options.backlogOn(database), options.threads());
            openTicket = Storage.perTicket(beforeBacklog, storage.measure(), backlog.tickets() - backlog.failures());
            System.out.printf("  %,d open tickets in %.1f s (%.0f tickets/s), %,d open tasks, %,d timers pending,"
                            + " database %s, heap in use %s%n", backlog.tickets(), backlog.seconds(), backlog.perSecond(),
                    backlog.openTasks(), backlog.pendingTimers(), Report.megabytes(backlog.databaseBytes()),
                    Report.megabytes(backlog.heapUsedBytes()));
            System.out.println("  per open ticket: " + openTicket.summary());

            int smallGroup = Math.max(1, backlog.tickets() / 1000);
            System.out.printf("-- %,d of the open tickets to the repair centre (the small group's tasks among all)%n", smallGroup);
            TicketDriver driver = new TicketDriver(application.engine());
            application.engine().getTaskService().createTaskQuery().taskDefinitionKey("Task_ConfirmDiagnosis").listPage(0, smallGroup)
                    .forEach(task -> driver.toRepairCentre(task.getProcessInstanceId()));
            TasklistHttp tasklist = new TasklistHttp(application);
            System.out.printf("-- Tasklist over HTTP, right after the bulk load: filter \"%s\" as Tasklist sends it, %d %s users%n",
                    TasklistFilters.GROUP_TASKS, TASKLIST_USERS, ModelContract.TECHNICIANS);
            httpFresh = tasklist.measure(ModelContract.TECHNICIANS, TASKLIST_USERS, options.queryWarmUp(), options.queryIterations(), QUERY_BUDGET);
            Report.printHttp(httpFresh);
            System.out.printf("-- the same for %d %s users%n", TASKLIST_USERS, ModelContract.REPAIR_CENTRE);
            smallFresh = tasklist.measure(ModelContract.REPAIR_CENTRE, TASKLIST_USERS, options.queryWarmUp(), options.queryIterations(), QUERY_BUDGET);
            Report.printHttp(smallFresh);
            DatabaseIndexes indexes = new DatabaseIndexes(application);
            indexes.analyze();
            System.out.println("-- Tasklist over HTTP, with the database's statistics gathered: technicians, then the repair centre");
            http = tasklist.measure(ModelContract.TECHNICIANS, TASKLIST_USERS, options.queryWarmUp(), options.queryIterations(), QUERY_BUDGET);
            Report.printHttp(http);
            small = tasklist.measure(ModelContract.REPAIR_CENTRE, TASKLIST_USERS, options.queryWarmUp(), options.queryIterations(), QUERY_BUDGET);
            Report.printHttp(small);
            System.out.printf("-- Tasklist group query of technicians %s (another user each request), with the application's indexes%n",
                    TasklistQueries.GROUPS);
            queries = new TasklistQueries(application.engine()).measure(options.queryWarmUp(), options.queryIterations(), QUERY_BUDGET);
            Report.printQueries(queries);
            System.out.println("-- the same without the application's indexes");
            indexes.drop();
            withoutIndexes = new TasklistQueries(application.engine()).measure(options.queryWarmUp(), options.queryIterations(), QUERY_BUDGET);
            Report.printQueries(withoutIndexes);
            indexes.restore();

            System.out.printf("-- timers: %,d first-response warnings fall due at once%n", options.timers());
            timers = new TimerLag(application).run(options.timers(), options.timerIdle(), java.time.Duration.ofMinutes(5));
            System.out.printf("  %,d of %,d fired; first after %.1f s, all after %.1f s; lag p50 %.1f s, p99 %.1f s%n",
                    timers.fired(), timers.timers(), timers.firstSeconds(), timers.allFiredSeconds(),
                    timers.lagMillis().percentile(50) / 1000, timers.lagMillis().percentile(99) / 1000);
        }
        System.out.printf("-- start-up on the database with the backlog (%,d open tickets)%n", options.backlogOn(database));
        double startupBacklog = startUp.measure("backlog");
        System.out.printf("  Tasklist answered after %.1f s%n", startupBacklog);
        double minutes = (System.nanoTime() - begin) / 60e9;
        System.out.printf("-- %s done in %.1f min%n", database.label(), minutes);
        return new DatabaseRun(database.label(), version, startupNew, startupEmpty, startupBacklog, throughput, closedTicket,
                openTicket, backlog, httpFresh, http, smallFresh, small, queries, withoutIndexes, timers, minutes);
    }

    /**
     * {@code --process-only}: throughput against the bare model and the storage per closed and per open ticket, the
     * figures a change to the process moves, in a few minutes; printed only.
     */
    static void processOnly(BenchDatabase database, Options options) {
        String adminPassword = "bench-" + UUID.randomUUID();
        System.out.printf("%n== %s (%s), process only%n", database.label(), database.url());
        database.prepareEmpty();
        try (InProcessApplication application = InProcessApplication.start(database, adminPassword)) {
            deployBareModel(application.engine().getRepositoryService());
            if (options.statements()) {
                System.out.printf("-- SQL statements per ticket (%,d tickets per model)%n", options.tickets());
                new StatementCounts(application).print(options.tickets(), options.threads(), database.isPostgres());
                return;
            }
            System.out.printf("-- throughput: %,d tickets per model, %d threads%n", options.tickets(), options.threads());
            Throughput.Result throughput = new Throughput(application, database.isLocalPostgres()).run(options.warmUp(),
                    options.tickets(), options.rounds(), options.threads());
            System.out.printf("  real process %.1f tickets/s, bare model %.1f tickets/s, ratio %.2f (failures %d)%n",
                    throughput.realPerSecond(), throughput.barePerSecond(), throughput.ratio(), throughput.failures());
            printProcessorTime(throughput);
            Storage storage = new Storage(application, database);
            System.out.println("  per closed ticket (with history): "
                    + storage.closed(options.storageTickets(), options.threads()).summary());
            Storage.Sizes before = storage.measure();
            Backlog.Result backlog = new Backlog(application, database).create(options.backlogOn(database), options.threads());
            System.out.println("  per open ticket: "
                    + Storage.perTicket(before, storage.measure(), backlog.tickets() - backlog.failures()).summary());
        }
    }

    private static void printProcessorTime(Throughput.Result throughput) {
        System.out.printf("  processor time per ticket: real %s, bare %s; ratio bare / real %.2f%n",
                throughput.realProcessor().perItem(throughput.tickets()), throughput.bareProcessor().perItem(throughput.tickets()),
                throughput.processorRatio());
    }

    private static void deployBareModel(RepositoryService repository) {
        repository.createDeployment().name("benchmark-bare-model").addClasspathResource("benchmark/BareTicket.bpmn").deploy();
    }

    private static BenchDatabase postgresFromEnvironment() {
        String url = System.getenv("POS_BENCH_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("POS_BENCH_DB_URL is not set: scripts/benchmark.sh creates the PostgreSQL database"
                    + " and sets it (or use --h2-only)");
        }
        return BenchDatabase.postgres(url, System.getenv().getOrDefault("POS_BENCH_DB_USER", "pos_bench"),
                System.getenv().getOrDefault("POS_BENCH_DB_PASSWORD", ""));
    }
}
