package org.posmaintenance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.posmaintenance.testing.Http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Nothing is lost when a node dies: node A is killed with SIGKILL while merchants keep reporting
 * faults to it. Every report answered 201 is a ticket with its process instance after the restart, in
 * a defined state, and the first-response timers that fell due while A was down fire once A is back
 * (A is the only node of this test). Reports whose answer was lost in the crash are sent again with
 * their Idempotency-Key: each then gets exactly one ticket.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeCrashTest {

    /** The warning after 9 s, the escalation after 12 s: due while the killed node is down. */
    static final Duration RESPONSE = Duration.ofSeconds(12);
    static final int ACCEPTED_BEFORE_KILL = 60;
    static final int REPORTERS = 4;
    static final int SIGKILL_EXIT_VALUE = 128 + 9;
    /** {@code OutboxSender}'s claim on a notification being sent; a claim of the killed node expires after it. */
    static final Duration OUTBOX_CLAIM = Duration.ofMinutes(2);

    private ClusterDatabase database;
    private ClusterNode nodeA;
    private final Http http = new Http();

    @BeforeAll
    void startNode() throws IOException {
        database = ClusterDatabase.fromEnvironment();
        nodeA = new ClusterNode("crash-a", database, List.of());
        nodeA.start().awaitReady(Duration.ofMinutes(3));
        ClusterScenario.deployServiceLevels(http, nodeA, RESPONSE, Duration.ofHours(2));
    }

    @AfterAll
    void stopNode() {
        if (nodeA != null) {
            nodeA.close();
        }
    }

    /** On the empty database, when this test runs first: the day's first reports at once on one node. */
    @Test
    @Order(1)
    void theFirstReportsOfTheDayAtOnceEachGetATicket() throws Exception {
        ClusterScenario.firstReportsOfTheDayAtOnce(database, http, List.of(nodeA), 6);
    }

    /** One report: its outcome as the merchant saw it. */
    record Attempt(int index, String serial, int status, String number, String token, String failure) {

        boolean accepted() {
            return status == 201;
        }
    }

    @Test
    @Order(2)
    void aNodeKilledDuringALoadLosesNoAcceptedTicketAndFiresTheTimersDueWhileItWasDown() throws Exception {
        Instant start = Instant.now();
        String prefix = "CR" + ClusterScenario.runId();
        List<String> serials = database.insertTerminals(prefix, 600);
        String mine = "(SELECT process_instance_id FROM ticket WHERE terminal_serial LIKE '" + prefix + "-%')";

        // ---- merchants keep reporting to node A; A is killed in the middle
        Map<Integer, Attempt> attempts = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService reporters = Executors.newFixedThreadPool(REPORTERS);
        Instant killedAt;
        int exitValue;
        try {
            for (int r = 0; r < REPORTERS; r++) {
                reporters.submit(() -> {
                    while (!stop.get()) {
                        int index = next.getAndIncrement();
                        if (index >= serials.size()) {
                            return;
                        }
                        String serial = serials.get(index);
                        try {
                            Http.Response response = ClusterScenario.report(http, nodeA, index, serial, key(serial));
                            attempts.put(index, new Attempt(index, serial, response.status(),
                                    response.body().path("ticketNumber").asText(null), response.body().path("accessToken").asText(null),
                                    response.status() == 201 ? null : response.toString()));
                        } catch (IOException e) {
                            // in flight when the node died, or refused: the merchant does not know whether it was stored
                            attempts.put(index, new Attempt(index, serial, 0, null, null, e.toString()));
                            return;
                        }
                    }
                });
            }
            await("reports accepted before the kill").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> attempts.values().stream().filter(Attempt::accepted).count() >= ACCEPTED_BEFORE_KILL);
            killedAt = Instant.now();
            exitValue = nodeA.kill();
        } finally {
            stop.set(true);
            reporters.shutdown();
            if (!reporters.awaitTermination(90, TimeUnit.SECONDS)) {
                reporters.shutdownNow();
            }
        }
        assertThat(exitValue).as("exit value of the killed JVM (128 + SIGKILL)").isEqualTo(SIGKILL_EXIT_VALUE);
        assertThat(nodeA.isAlive()).isFalse();
        List<Attempt> acceptedBeforeKill = attempts.values().stream().filter(Attempt::accepted).toList();
        List<Attempt> unanswered = attempts.values().stream().filter(attempt -> !attempt.accepted()).toList();
        assertThat(unanswered).as("reports answered other than 201 while the node was up")
                .allSatisfy(attempt -> assertThat(attempt.status()).isZero());

        // ---- while A is down: timers of the accepted tickets, due after the kill
        List<Map<String, Object>> timers = database.rows("SELECT j.id_, j.process_instance_id_, j.duedate_, d.act_id_"
                + " FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE j.type_ = 'timer'"
                + " AND j.process_instance_id_ IN " + mine);
        List<Map<String, Object>> dueWhileDown = timers.stream()
                .filter(timer -> ((Timestamp) timer.get("duedate_")).toInstant().isAfter(killedAt)).toList();
        long lockedByDeadNode = database.count("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND process_instance_id_ IN " + mine);
        long claimedByDeadNode = database.count("SELECT COUNT(*) FROM notification_outbox WHERE claimed_until IS NOT NULL"
                + " AND sent_at IS NULL AND ticket_number IN (SELECT ticket_number FROM ticket WHERE terminal_serial LIKE ?)", prefix + "-%");
        assertThat(dueWhileDown).as("first-response timers not yet due when the node died").isNotEmpty();
        Instant lastDue = dueWhileDown.stream().map(timer -> ((Timestamp) timer.get("duedate_")).toInstant()).max(Instant::compareTo).orElseThrow();
        assertThat(lastDue).isBefore(killedAt.plus(RESPONSE).plusSeconds(5));
        // stay down until all of them are due (at most the response target)
        await("the timers to fall due while the node is down").atMost(RESPONSE.plusSeconds(10))
                .pollInterval(Duration.ofMillis(200)).until(() -> Instant.now().isAfter(lastDue.plusMillis(500)));
        Set<String> dueIds = new HashSet<>();
        dueWhileDown.forEach(timer -> dueIds.add((String) timer.get("id_")));
        assertThat(database.column("SELECT id_ FROM act_ru_job WHERE id_ IN (" + ClusterDatabase.placeholders(dueIds) + ")",
                String.class, dueIds)).as("due timers nobody fired while the only node was down").hasSize(dueIds.size());

        // ---- restart A
        Instant restartedAt = Instant.now();
        nodeA.start().awaitReady(Duration.ofMinutes(3));
        Instant readyAt = Instant.now();

        // the reports whose answer was lost: sent again with the same Idempotency-Key
        Map<String, Attempt> tickets = new LinkedHashMap<>();   // serial -> accepted report
        acceptedBeforeKill.forEach(attempt -> tickets.put(attempt.serial(), attempt));
        Map<Integer, Integer> retryAnswers = new TreeMap<>();
        for (Attempt lost : unanswered) {
            Http.Response response = ClusterScenario.report(http, nodeA, lost.index(), lost.serial(), key(lost.serial()));
            retryAnswers.merge(response.status(), 1, Integer::sum);
            assertThat(response.status()).as("retry of %s: 200 if the lost report was stored, else 201: %s", lost.serial(), response)
                    .isIn(200, 201);
            tickets.put(lost.serial(), new Attempt(lost.index(), lost.serial(), response.status(),
                    response.body().path("ticketNumber").asText(), response.body().path("accessToken").asText(), null));
        }

        // ---- the timers due while A was down fire after the restart, once each, on A
        await("timers due during the downtime fired").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                database.count("SELECT COUNT(DISTINCT job_id_) FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ IN ("
                        + ClusterDatabase.placeholders(dueIds) + ")", dueIds) == dueIds.size());
        Instant firedAt = Instant.now();
        List<String> timerProblems = new ArrayList<>();
        for (Map<String, Object> timer : dueWhileDown) {
            List<Map<String, Object>> runs = database.rows("SELECT hostname_, timestamp_ FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ = ?",
                    timer.get("id_"));
            List<Map<String, Object>> fired = database.rows("SELECT start_time_ FROM act_hi_actinst WHERE proc_inst_id_ = ? AND act_id_ = ?",
                    timer.get("process_instance_id_"), timer.get("act_id_"));
            if (runs.size() != 1 || fired.size() != 1
                    || !nodeA.hostname().equals(runs.get(0).get("hostname_"))
                    || ((Timestamp) runs.get(0).get("timestamp_")).toInstant().isBefore(restartedAt)
                    || ((Timestamp) fired.get(0).get("start_time_")).toInstant().isBefore(restartedAt)) {
                timerProblems.add(timer + ": job runs " + runs + ", activity instances " + fired);
            }
        }
        assertThat(timerProblems).as("timers due while down: fired exactly once, by %s, after the restart", nodeA.name()).isEmpty();

        // ---- every accepted ticket exists and settles in a defined state
        Set<String> numbers = new HashSet<>();
        tickets.values().forEach(ticket -> numbers.add(ticket.number()));
        Map<String, String> processOf = new HashMap<>();
        for (Map<String, Object> row : database.rows("SELECT ticket_number, terminal_serial, process_instance_id, closed_at FROM ticket"
                + " WHERE terminal_serial LIKE ?", prefix + "-%")) {
            processOf.put((String) row.get("ticket_number"), (String) row.get("process_instance_id"));
            assertThat(row.get("closed_at")).as("closed_at of %s", row.get("ticket_number")).isNull();
        }
        assertThat(processOf.keySet()).as("tickets of this test's terminals = the reports accepted (before the kill or on retry)")
                .containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(database.count("SELECT COUNT(*) FROM (SELECT terminal_serial FROM ticket WHERE terminal_serial LIKE ?"
                + " GROUP BY terminal_serial HAVING COUNT(*) > 1) t", prefix + "-%")).as("terminals with two tickets").isZero();
        // settled: no job left that is due (jobs the dead node had locked are taken up once their lock expires)
        await("all due jobs of the tickets executed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() ->
                database.count("SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IN " + mine, new Object[0]) == 0);

        Map<String, Map<String, Long>> activities = new HashMap<>();
        for (Map<String, Object> row : database.rows("SELECT proc_inst_id_, act_id_, COUNT(*) AS n FROM act_hi_actinst"
                + " WHERE proc_inst_id_ IN " + mine + " GROUP BY proc_inst_id_, act_id_")) {
            activities.computeIfAbsent((String) row.get("proc_inst_id_"), id -> new HashMap<>())
                    .put((String) row.get("act_id_"), ((Number) row.get("n")).longValue());
        }
        Map<String, List<String>> waitingTasks = new HashMap<>();
        for (Map<String, Object> row : database.rows("SELECT proc_inst_id_, task_def_key_ FROM act_ru_task WHERE proc_inst_id_ IN " + mine)) {
            waitingTasks.computeIfAbsent((String) row.get("proc_inst_id_"), id -> new ArrayList<>()).add((String) row.get("task_def_key_"));
        }
        Set<String> running = new HashSet<>(database.column("SELECT id_ FROM act_hi_procinst WHERE end_time_ IS NULL AND state_ = 'ACTIVE'"
                + " AND id_ IN " + mine, String.class));
        Map<String, Long> received = new HashMap<>();
        for (Map<String, Object> row : database.rows("SELECT ticket_number, COUNT(*) AS n FROM notification_outbox WHERE kind = 'TICKET_RECEIVED'"
                + " AND ticket_number IN (SELECT ticket_number FROM ticket WHERE terminal_serial LIKE ?) GROUP BY ticket_number", prefix + "-%")) {
            received.put((String) row.get("ticket_number"), ((Number) row.get("n")).longValue());
        }
        List<String> ticketProblems = Collections.synchronizedList(new ArrayList<>());
        for (Attempt ticket : tickets.values()) {
            String process = processOf.get(ticket.number());
            Map<String, Long> counts = activities.getOrDefault(process, Map.of());
            List<String> problems = new ArrayList<>();
            if (!running.contains(process)) {
                problems.add("process instance not running");
            }
            if (!List.of("Task_ConfirmDiagnosis").equals(waitingTasks.get(process))) {
                problems.add("waits at " + waitingTasks.get(process));
            }
            for (String activity : List.of("Task_RegisterTicket", "Task_DiagnoseFault", "BoundaryEvent_ResponseSlaAtRisk",
                    "Task_WarnResponseSlaAtRisk", "BoundaryEvent_ResponseSlaBreached", "Task_EscalateResponseSla")) {
                if (counts.getOrDefault(activity, 0L) != 1) {
                    problems.add(activity + " ran " + counts.getOrDefault(activity, 0L) + " times");
                }
            }
            if (received.getOrDefault(ticket.number(), 0L) != 1) {
                problems.add(received.getOrDefault(ticket.number(), 0L) + " TICKET_RECEIVED notifications");
            }
            Http.Response status = http.get(nodeA.baseUrl() + "/api/merchant/tickets/" + ticket.number(), null,
                    "X-Ticket-Token", ticket.token());
            JsonNode body = status.body();
            if (status.status() != 200 || !"OPEN".equals(body.path("status").asText()) || !"DIAGNOSIS".equals(body.path("stage").asText())) {
                problems.add("merchant API: " + status);
            }
            if (!problems.isEmpty()) {
                ticketProblems.add(ticket.number() + " (" + ticket.serial() + "): " + problems);
            }
        }
        assertThat(ticketProblems).as("accepted tickets not waiting for the technician's diagnosis with both response timers fired once")
                .isEmpty();
        assertThat(database.count("SELECT COUNT(*) FROM act_hi_incident WHERE proc_inst_id_ IN " + mine)).as("incidents").isZero();
        assertThat(database.count("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL OR exception_stack_id_ IS NOT NULL"))
                .as("jobs with exceptions").isZero();
        List<Map<String, Object>> failures = database.rows("SELECT job_id_, act_id_, job_exception_msg_ FROM act_hi_job_log"
                + " WHERE job_state_ = 1 AND process_instance_id_ IN " + mine);
        assertThat(failures).as("job failures other than optimistic locking conflicts").allSatisfy(failure ->
                assertThat(String.valueOf(failure.get("job_exception_msg_"))).containsAnyOf("OptimisticLock", "ENGINE-03005"));

        // ---- the merchants' notifications: none lost; one claimed by the dead node is sent after its claim expires
        String outbox = "SELECT id, sent_at, attempts FROM notification_outbox WHERE ticket_number IN"
                + " (SELECT ticket_number FROM ticket WHERE terminal_serial LIKE ?)";
        await("all notifications sent").atMost(max(Duration.ofSeconds(15), Duration.between(Instant.now(), killedAt.plus(OUTBOX_CLAIM).plusSeconds(45))))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> database.rows(outbox, prefix + "-%").stream().allMatch(row -> row.get("sent_at") != null));
        List<Map<String, Object>> notifications = database.rows(outbox, prefix + "-%");
        Map<Long, Map<String, Integer>> logged = TwoNodeClusterTest.loggedNotifications(List.of(nodeA));
        long neverLogged = notifications.stream().filter(row -> !logged.containsKey(((Number) row.get("id")).longValue())).count();
        long loggedTwice = notifications.stream().filter(row -> logged.getOrDefault(((Number) row.get("id")).longValue(), Map.of())
                .values().stream().mapToInt(Integer::intValue).sum() > 1).count();
        assertThat(neverLogged).as("notifications marked sent but never written by the log channel").isZero();

        System.out.printf("[crash] %d reports accepted before SIGKILL (exit value %d), %d unanswered by the crash; retried after the restart: %s (200 = had been stored)%n",
                acceptedBeforeKill.size(), exitValue, unanswered.size(), retryAnswers);
        System.out.printf("[crash] at the kill: %d timer jobs of the tickets, %d due while down, %d jobs locked by the dead node, %d notifications claimed by it%n",
                timers.size(), dueWhileDown.size(), lockedByDeadNode, claimedByDeadNode);
        System.out.printf("[crash] down %d s, restart took %d s; the %d due timers fired within %d s of the restart; %d tickets in a defined state%n",
                Duration.between(killedAt, restartedAt).toSeconds(), Duration.between(restartedAt, readyAt).toSeconds(), dueIds.size(),
                Duration.between(restartedAt, firedAt).toSeconds(), tickets.size());
        System.out.printf("[crash] %d notifications all sent, %d of them twice (killed between sending and marking), job failures %d; test %d s%n",
                notifications.size(), loggedTwice, failures.size(), Duration.between(start, Instant.now()).toSeconds());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String serial) {
        return "crash-" + serial;
    }
}
