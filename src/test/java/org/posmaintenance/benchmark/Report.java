package org.posmaintenance.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The figures of a run as Markdown: machine, figures per database, targets met or missed. */
final class Report {

    static final String BEGIN = "<!-- benchmark-figures:begin (scripts/benchmark.sh rewrites this section) -->";
    static final String END = "<!-- benchmark-figures:end -->";

    private final Options options;
    private final Instant started;
    private final String machine;
    private final List<Benchmark.DatabaseRun> runs = new ArrayList<>();
    private Instant finished;

    Report(Options options, Instant started) {
        this.options = options;
        this.started = started;
        this.machine = readMachine();
    }

    void add(Benchmark.DatabaseRun run) {
        runs.add(run);
    }

    void finish(Instant at) {
        finished = at;
    }

    String machine() {
        return machine;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(options.quick() ? "Quick run (`--quick`, small sizes: not the full benchmark)" : "Run")
                .append(" of ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(started.atZone(ZoneOffset.UTC))).append("\n\n");
        out.append("- Sizes: ").append(options.describe()).append(".\n");
        out.append("- Machine: ").append(machine).append(".\n");
        out.append("- Databases: ").append(String.join(", ", runs.stream().map(Benchmark.DatabaseRun::version).toList())).append(".\n");
        out.append("- Duration: ").append(number(Duration.between(started, finished).toSeconds() / 60.0)).append(" min (")
                .append(String.join(", ", runs.stream().map(run -> run.database() + " " + number(run.minutes()) + " min").toList()))
                .append("); load average at the end ").append(loadAverage()).append(".\n\n");

        out.append("| figure |");
        runs.forEach(run -> out.append(' ').append(run.database()).append(" |"));
        out.append("\n| --- |");
        runs.forEach(run -> out.append(" ---: |"));
        out.append('\n');
        row(out, "Throughput, real process (tickets/s)", run -> number(run.throughput().realPerSecond()));
        row(out, "Throughput, bare model (tickets/s)", run -> number(run.throughput().barePerSecond()));
        row(out, "Ratio real / bare (target >= 0.7 PostgreSQL, 0.6 H2)", run -> "%.2f".formatted(run.throughput().ratio()));
        row(out, "Processor time per ticket, real / bare (ms; Java + local database server)",
                run -> number(run.throughput().realProcessor().totalMillis(run.throughput().tickets())) + " / "
                        + number(run.throughput().bareProcessor().totalMillis(run.throughput().tickets())) + " (ratio "
                        + "%.2f".formatted(run.throughput().processorRatio()) + ")");
        row(out, "Real tickets per day at that rate, one node", run -> "%,.0f".formatted(run.throughput().realPerSecond() * 86400));
        row(out, "Tickets ended / failed (throughput)", run -> "%,d + %,d / %d".formatted(run.throughput().realCompleted(),
                run.throughput().bareCompleted(), run.throughput().failures()));
        row(out, "Storage per closed ticket, with history (bytes)", run -> "%,d".formatted(run.closedTicket().bytes()));
        row(out, "Storage per open ticket at Confirm diagnosis (bytes)", run -> "%,d".formatted(run.openTicket().bytes()));
        row(out, "Backlog: open tickets created", run -> "%,d (%d failed)".formatted(run.backlog().tickets() - run.backlog().failures(),
                run.backlog().failures()));
        row(out, "Backlog: time to create (s)", run -> number(run.backlog().seconds()) + " (" + number(run.backlog().perSecond()) + "/s)");
        row(out, "Backlog: open tasks / pending timers", run -> "%,d / %,d".formatted(run.backlog().openTasks(), run.backlog().pendingTimers()));
        row(out, "Backlog: database size", run -> megabytes(run.backlog().databaseBytes()));
        row(out, "Backlog: heap in use after GC (benchmark JVM)", run -> megabytes(run.backlog().heapUsedBytes()));
        row(out, "Tasklist over HTTP as Tasklist 7.24 sends it (filter list, HAL, count), p50/p95/p99",
                run -> run.http().request().summary("ms", 1) + " (" + "%,d".formatted(run.http().count()) + " tasks)");
        row(out, "- the same right after the bulk load (no statistics gathered), p50/p95/p99",
                run -> run.httpFresh().request().summary("ms", 1));
        row(out, "- small group (repair centre), statistics gathered, p50/p95/p99",
                run -> run.small().request().summary("ms", 1) + " (" + "%,d".formatted(run.small().count()) + " tasks)");
        row(out, "- small group right after the bulk load, p50/p95/p99", run -> run.smallFresh().request().summary("ms", 1));
        row(out, "Engine calls of that request: page + count + columns, p50/p95/p99", run -> run.queries().request().summary("ms", 1));
        row(out, "- first page of 15, p50/p95/p99", run -> run.queries().page().summary("ms", 1));
        row(out, "- count (tasks counted), p50/p95/p99", run -> run.queries().count().summary("ms", 1)
                + " (%,d)".formatted(run.queries().total()));
        row(out, "- column variables of the page, p50/p95/p99", run -> run.queries().variables().summary("ms", 1));
        row(out, "Without the application's indexes: request p50/p95/p99", run -> run.queriesWithoutIndexes().request().summary("ms", 1));
        row(out, "- first page / count, p95", run -> number(run.queriesWithoutIndexes().page().percentile(95)) + " / "
                + number(run.queriesWithoutIndexes().count().percentile(95)) + " ms");
        row(out, "Tasklist requests timed, with / without indexes", run -> run.queries().request().size() + " / "
                + run.queriesWithoutIndexes().request().size());
        row(out, "Timers fired / due at once", run -> "%,d / %,d".formatted(run.timers().fired(), run.timers().timers()));
        row(out, "Timers: all fired after (s)", run -> number(run.timers().allFiredSeconds()));
        row(out, "Timers: first fired after (s)", run -> number(run.timers().firstSeconds()));
        row(out, "Timers: lag p50 / p99 (s)", run -> number(run.timers().lagMillis().percentile(50) / 1000) + " / "
                + number(run.timers().lagMillis().percentile(99) / 1000));
        row(out, "Start-up, new database (creates the schema) (s)", run -> number(run.startupNew()));
        row(out, "Start-up, empty database (s)", run -> number(run.startupEmpty()));
        row(out, "Start-up, database with the backlog (s)", run -> number(run.startupBacklog()));

        for (Benchmark.DatabaseRun run : runs) {
            if (!run.openTicket().largest().isEmpty()) {
                out.append("\n").append(run.database()).append(", the tables that grew most, bytes per ticket: closed ")
                        .append(run.closedTicket().summary()).append("; open ").append(run.openTicket().summary()).append(".\n");
            }
        }
        for (Benchmark.DatabaseRun run : runs) {
            if (!run.http().note().isEmpty()) {
                out.append("\n").append(run.database()).append(", Tasklist over HTTP: ").append(run.http().note()).append(".\n");
            }
            for (TasklistHttp.Result small : List.of(run.smallFresh(), run.small())) {
                if (!small.note().isEmpty()) {
                    out.append("\n").append(run.database()).append(", Tasklist over HTTP, small group: ").append(small.note()).append(".\n");
                }
            }
            if (!run.httpFresh().note().isEmpty()) {
                out.append("\n").append(run.database()).append(", Tasklist over HTTP right after the bulk load: ")
                        .append(run.httpFresh().note()).append(".\n");
            }
            if (!run.queries().note().isEmpty()) {
                out.append("\n").append(run.database()).append(", with indexes: ").append(run.queries().note()).append(".\n");
            }
            if (!run.queriesWithoutIndexes().note().isEmpty()) {
                out.append("\n").append(run.database()).append(", without indexes: ").append(run.queriesWithoutIndexes().note())
                        .append(".\n");
            }
        }
        out.append("\n| target |");
        runs.forEach(run -> out.append(' ').append(run.database()).append(" |"));
        out.append("\n| --- |");
        runs.forEach(run -> out.append(" --- |"));
        out.append('\n');
        target(out, "Throughput ratio real / bare >= 0.7 on PostgreSQL, >= 0.6 on H2",
                run -> run.throughput().ratio() >= (run.database().startsWith("PostgreSQL") ? 0.7 : 0.6),
                run -> "%.2f".formatted(run.throughput().ratio()));
        target(out, "Tasklist request over HTTP p95 < 100 ms (statistics gathered)", run -> run.http().request().percentile(95) < 100,
                run -> number(run.http().request().percentile(95)) + " ms");
        target(out, "Tasklist request over HTTP p95 < 100 ms (right after the bulk load)",
                run -> run.httpFresh().request().percentile(95) < 100, run -> number(run.httpFresh().request().percentile(95)) + " ms");
        target(out, "Tasklist request over HTTP p95 < 100 ms, small group (both measurements)",
                run -> Math.max(run.small().request().percentile(95), run.smallFresh().request().percentile(95)) < 100,
                run -> number(run.small().request().percentile(95)) + " / " + number(run.smallFresh().request().percentile(95)) + " ms");
        target(out, "All due timers fired within 30 s", run -> run.timers().fired() == run.timers().timers()
                && run.timers().allFiredSeconds() <= 30, run -> number(run.timers().allFiredSeconds()) + " s");
        target(out, "At most 26,300 bytes per open ticket (a third of 79 KB)", run -> run.openTicket().bytes() <= 26_300,
                run -> "%,d bytes".formatted(run.openTicket().bytes()));
        target(out, "Start-up < 15 s, empty database", run -> run.startupEmpty() < 15, run -> number(run.startupEmpty()) + " s");
        target(out, "Start-up < 15 s, backlog database", run -> run.startupBacklog() < 15, run -> number(run.startupBacklog()) + " s");
        for (Benchmark.DatabaseRun run : runs) {
            if (run.backlog().tickets() < 100_000 || options.timers() < 1000) {
                out.append("\nThe targets are stated for 100,000 open tickets and 1,000 timers; on ").append(run.database())
                        .append(" this run had %,d open tickets and %,d timers.\n".formatted(run.backlog().tickets(), options.timers()));
            }
        }
        return out.toString();
    }

    private void row(StringBuilder out, String label, Function<Benchmark.DatabaseRun, String> value) {
        out.append("| ").append(label).append(" |");
        for (Benchmark.DatabaseRun run : runs) {
            String text;
            try {
                text = value.apply(run);
            } catch (RuntimeException e) {
                text = "n/a";
            }
            out.append(' ').append(text).append(" |");
        }
        out.append('\n');
    }

    private void target(StringBuilder out, String label, java.util.function.Predicate<Benchmark.DatabaseRun> met,
                        Function<Benchmark.DatabaseRun, String> value) {
        row(out, label, run -> (met.test(run) ? "met" : "**missed**") + " (" + value.apply(run) + ")");
    }

    static void printHttp(TasklistHttp.Result result) {
        System.out.printf("  request %s; %d tasks on the page of %,d; %d requests timed%n", result.request().summary("ms", 1),
                result.pageSize(), result.count(), result.request().size());
        if (!result.note().isEmpty()) {
            System.out.println("  ! " + result.note());
        }
    }

    static void printQueries(TasklistQueries.Result result) {
        System.out.printf("  request %s; page %s, count %s (%,d tasks), columns %s; %d tasks on the page; %d requests timed%n",
                result.request().summary("ms", 1), result.page().summary("ms", 1), result.count().summary("ms", 1),
                result.total(), result.variables().summary("ms", 1), result.pageSize(), result.request().size());
        if (!result.note().isEmpty()) {
            System.out.println("  ! " + result.note());
        }
    }

    /** Writes the figures to {@code figures} and, if asked, between the markers of BENCHMARKS.md. */
    void write(Path figures, Path benchmarks, boolean updateBenchmarks) {
        String text = markdown();
        try {
            Files.writeString(figures, text, StandardCharsets.UTF_8);
            System.out.println("Figures written to " + figures);
            if (!updateBenchmarks) {
                return;
            }
            String current = Files.exists(benchmarks) ? Files.readString(benchmarks, StandardCharsets.UTF_8) : "# Benchmarks\n";
            int begin = current.indexOf(BEGIN);
            int end = current.indexOf(END);
            String updated = begin >= 0 && end > begin
                    ? current.substring(0, begin + BEGIN.length()) + "\n" + text + current.substring(end)
                    : current + "\n## Figures\n\n" + BEGIN + "\n" + text + END + "\n";
            Files.writeString(benchmarks, updated, StandardCharsets.UTF_8);
            System.out.println("Figures written into " + benchmarks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1_048_576.0);
    }

    private static String readMachine() {
        String cpu = firstLine("/proc/cpuinfo", "model name").replaceFirst("^model name\\s*:\\s*", "");
        String memory = firstLine("/proc/meminfo", "MemTotal").replaceAll("\\D", "");
        String memoryText = memory.isEmpty() ? "?" : String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(memory) / 1_048_576.0);
        String debian = read("/etc/debian_version").trim();
        return "%d cores (%s), %s memory, %s %s%s, Java %s (%s), load average at the start %s".formatted(
                Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "?" : cpu, memoryText,
                System.getProperty("os.name"), System.getProperty("os.version"), debian.isEmpty() ? "" : " (Debian " + debian + ")",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), loadAverage());
    }

    private static String loadAverage() {
        String[] parts = read("/proc/loadavg").trim().split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "?";
    }

    private static String firstLine(String file, String prefix) {
        return read(file).lines().filter(line -> line.startsWith(prefix)).findFirst().orElse("");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
