package org.posmaintenance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.posmaintenance.testing.Http;

/**
 * The operators' backup and restore on PostgreSQL (README, Operate it): {@code pg_dump} of the cluster's database while
 * merchants keep reporting to a node, {@code pg_restore} into a new database, a node of the same release started on
 * it. Every report answered 201 before the dump began is a ticket there with its process instance; the first-response
 * timers that fell due between the dump and the restart fire once each on the restored node; no ticket is half there.
 * The restored database is {@code POS_TEST_RESTORE_DB_URL} (empty, same user as the cluster's; .ci/run makes it).
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTest {

    /** The warning after 9 s, the escalation after 12 s: due after the dump, before the restored node starts. */
    static final Duration RESPONSE = Duration.ofSeconds(12);
    static final int ACCEPTED_BEFORE_DUMP = 30;

    private final Http http = new Http();
    private final List<ClusterNode> nodes = new ArrayList<>();

    @AfterAll
    void stopNodes() {
        nodes.forEach(ClusterNode::close);
    }

    /** One report and how it was answered. */
    record Report(String serial, int status, String ticketNumber, Instant answeredAt) {
    }

    @Test
    void aDumpTakenWhileTicketsAreWorkedRestoresIntoANewDatabaseWhereEveryTicketGoesOn() throws Exception {
        ClusterDatabase source = ClusterDatabase.fromEnvironment();
        String restoreUrl = System.getenv("POS_TEST_RESTORE_DB_URL");
        assertThat(restoreUrl).as("POS_TEST_RESTORE_DB_URL: an empty database to restore into (see .ci/run)").isNotBlank();
        ClusterDatabase restored = source.sibling(restoreUrl);
        assertThat(restored.count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"))
                .as("the database to restore into is empty").isZero();

        ClusterNode live = node("backup-a", source);
        ClusterScenario.deployServiceLevels(http, live, RESPONSE, Duration.ofHours(2));
        String prefix = "BR" + ClusterScenario.runId();
        List<String> serials = source.insertTerminals(prefix, 400);

        // ---- merchants report to the live node; the dump is taken in the middle of it
        Map<String, Report> reports = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService reporters = Executors.newFixedThreadPool(3);
        Path dump = Files.createTempFile("pos-backup-", ".dump");
        Instant dumpStarted;
        try {
            for (int r = 0; r < 3; r++) {
                reporters.submit(() -> {
                    while (!stop.get()) {
                        int index = next.getAndIncrement();
                        if (index >= serials.size()) {
                            return;
                        }
                        String serial = serials.get(index);
                        try {
                            Http.Response response = ClusterScenario.report(http, live, index, serial, "backup-" + serial);
                            reports.put(serial, new Report(serial, response.status(), response.body().path("ticketNumber").asText(null),
                                    Instant.now()));
                        } catch (IOException e) {
                            reports.put(serial, new Report(serial, 0, null, Instant.now()));
                        }
                    }
                });
            }
            await("reports accepted before the dump").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> reports.values().stream().filter(report -> report.status() == 201).count() >= ACCEPTED_BEFORE_DUMP);
            dumpStarted = Instant.now();
            run(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, "--dbname=" + source.libpqUri()), source);
            // the merchants go on a little after the dump, then the live node stops (the restored one replaces it)
            int afterDump = next.get() + 10;
            await("reports after the dump").atMost(Duration.ofMinutes(1)).until(() -> next.get() >= afterDump);
        } finally {
            stop.set(true);
            reporters.shutdown();
            reporters.awaitTermination(60, TimeUnit.SECONDS);
        }
        live.close();
        List<Report> acceptedBeforeDump = reports.values().stream()
                .filter(report -> report.status() == 201 && report.answeredAt().isBefore(dumpStarted)).toList();
        assertThat(acceptedBeforeDump).hasSizeGreaterThanOrEqualTo(ACCEPTED_BEFORE_DUMP);
        assertThat(reports.values()).as("every report answered 201 while the node was up")
                .allSatisfy(report -> assertThat(report.status()).isEqualTo(201));

        // ---- restore into the new database
        run(List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + restored.libpqUri(), dump.toString()), restored);
        Files.deleteIfExists(dump);
        String mine = "(SELECT process_instance_id FROM ticket WHERE terminal_serial LIKE '" + prefix + "-%')";
        List<Map<String, Object>> timers = restored.rows("SELECT j.id_, j.duedate_ FROM act_ru_job j JOIN act_ru_jobdef d"
                + " ON d.id_ = j.job_def_id_ WHERE j.type_ = 'timer' AND d.act_id_ = 'BoundaryEvent_ResponseSlaBreached'"
                + " AND j.process_instance_id_ IN " + mine);
        assertThat(timers).as("first-response timers restored, not yet fired").isNotEmpty();
        Instant lastDue = timers.stream().map(timer -> ((Timestamp) timer.get("duedate_")).toInstant()).max(Instant::compareTo).orElseThrow();
        await("the restored timers fall due before the node starts").atMost(RESPONSE.plusSeconds(30))
                .until(() -> Instant.now().isAfter(lastDue.plusMillis(500)));

        // ---- a node of the same release on the restored database
        ClusterNode restoredNode = node("restore-b", restored);
        List<String> problems = new ArrayList<>();
        for (Report report : acceptedBeforeDump) {
            long tickets = restored.count("SELECT COUNT(*) FROM ticket WHERE ticket_number = ? AND terminal_serial = ?",
                    report.ticketNumber(), report.serial());
            if (tickets != 1) {
                problems.add(report.ticketNumber() + " of " + report.serial() + ": " + tickets + " ticket rows after the restore");
            }
        }
        assertThat(problems).as("tickets accepted before the dump that the restore lost").isEmpty();
        assertThat(restored.count("SELECT COUNT(*) FROM ticket t WHERE t.terminal_serial LIKE ? AND NOT EXISTS"
                + " (SELECT 1 FROM act_ru_execution e WHERE e.proc_inst_id_ = t.process_instance_id)", prefix + "-%"))
                .as("restored tickets without their running process instance").isZero();

        List<String> timerIds = timers.stream().map(timer -> (String) timer.get("id_")).toList();
        await("the timers that fell due meanwhile fire on the restored node").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> restored.count("SELECT COUNT(DISTINCT job_id_) FROM act_hi_job_log"
                        + " WHERE job_state_ = 2 AND job_id_ IN (" + ClusterDatabase.placeholders(timerIds) + ")", timerIds) == timerIds.size());
        assertThat(restored.count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ IN ("
                + ClusterDatabase.placeholders(timerIds) + ")", timerIds)).as("each fired once").isEqualTo(timerIds.size());
        assertThat(restored.count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND hostname_ <> ? AND job_id_ IN ("
                + ClusterDatabase.placeholders(timerIds) + ")", restoredNode.hostname(), timerIds)).as("fired by the restored node")
                .isZero();
        // each restored ticket escalated exactly once: before the dump on the live node, or after it on the restored one
        await("every restored ticket escalated once").atMost(Duration.ofMinutes(1)).until(() -> restored.count(
                "SELECT COUNT(*) FROM ticket t WHERE t.terminal_serial LIKE ? AND (SELECT COUNT(*) FROM ticket_sla_event e"
                        + " WHERE e.ticket_number = t.ticket_number AND e.kind = 'RESPONSE_BREACHED') <> 1", prefix + "-%") == 0);
    }

    private ClusterNode node(String name, ClusterDatabase database) {
        ClusterNode node = new ClusterNode(name, database, List.of());
        nodes.add(node);
        node.start().awaitReady(Duration.ofMinutes(3));
        return node;
    }

    /** Runs a PostgreSQL client program with the database's password; fails with its output when it fails. */
    private static void run(List<String> command, ClusterDatabase database) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    }
}
