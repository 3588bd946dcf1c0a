package org.posmaintenance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.posmaintenance.cluster.ClusterScenario.PROCESS;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.posmaintenance.cluster.ClusterScenario.Ticket;
import org.posmaintenance.testing.Http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two application nodes (separate JVMs) on one PostgreSQL database share the work of a few hundred
 * tickets: reports through the merchant API and the human tasks through the engine REST API alternate
 * between the nodes, both job executors run. Every ticket must end, every due SLA timer fire exactly
 * once, every notification be sent exactly once, with no incident and no failed job, and both nodes
 * must have executed jobs.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

    static final int TICKETS = 300;
    /** First response: the warning at 75 % (4.5 s), the escalation at 6 s; technicians answer only after both. */
    static final Duration RESPONSE = Duration.ofSeconds(6);
    /** Resolution targets never fall due during the test. */
    static final Duration RESOLUTION = Duration.ofHours(2);
    /** Surveys left unanswered (every tenth ticket) close after this. */
    static final Duration SURVEY_EXPIRY = Duration.ofSeconds(25);
    static final Pattern NOTIFICATION_LINE = Pattern.compile("Notification <notification-(\\d+)\\.(SR-\\d{8}-\\d+)@pos-maintenance>");
    static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Shanghai");
    /** Who does which task: a demo person of the task's candidate group. */
    static final Map<String, Set<String>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("hana", Set.of("Task_AnswerSurvey"));   // the merchant answers through the merchant API
        ROLES.put("tom", Set.of("Task_ConfirmDiagnosis", "Task_RemoteSupport", "Task_ScheduleVisit", "Task_RepairOnSite"));
        ROLES.put("rita", Set.of("Task_ReceiveTerminal", "Task_RepairAtCentre", "Task_ReturnTerminal"));
        ROLES.put("mary", Set.of("Task_FollowUpLowScore"));
    }

    private ClusterDatabase database;
    private ClusterNode nodeA;
    private ClusterNode nodeB;
    private final Http http = new Http();
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, AtomicInteger> callsPerNode = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unexpectedAnswers = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void startTwoNodes() throws IOException {
        database = ClusterDatabase.fromEnvironment();
        List<String> properties = new ArrayList<>();
        properties.add("--pos.feedback.survey-expiry=" + SURVEY_EXPIRY.toMillis() + "ms");
        Instant start = Instant.now();
        // one after the other, so that the two start-ups do not compete for the CPU
        nodeA = new ClusterNode("cluster-a", database, properties);
        nodeB = new ClusterNode("cluster-b", database, properties);
        nodeA.start().awaitReady(Duration.ofMinutes(3));
        ClusterScenario.deployServiceLevels(http, nodeA, RESPONSE, RESOLUTION);
        nodeB.start().awaitReady(Duration.ofMinutes(3));
        System.out.printf("[cluster] nodes %s (%s) and %s (%s) up in %d s%n", nodeA.name(), nodeA.baseUrl(),
                nodeB.name(), nodeB.baseUrl(), Duration.between(start, Instant.now()).toSeconds());
    }

    @AfterAll
    void stopNodes() {
        try {
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            if (nodeA != null) {
                nodeA.close();
            }
        }
    }

    /** On the empty database: the day's first reports arrive at both nodes at once, and each gets its ticket. */
    @Test
    @Order(1)
    void theFirstReportsOfTheDayAtOnceOnBothNodesEachGetATicket() throws Exception {
        ClusterScenario.firstReportsOfTheDayAtOnce(database, http, List.of(nodeA, nodeB), 8);
    }

    /** The nodes run the production profile: web application cookies Secure and SameSite, HSTS, REST closed. */
    @Test
    @Order(3)
    void productionNodesSetSecureCookiesAndRequireAuthentication() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<Void> page = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(nodeA.baseUrl() + "/camunda/app/tasklist/default/")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="));
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("SameSite=Strict"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
        java.net.http.HttpResponse<Void> anonymous = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(nodeB.baseUrl() + "/engine-rest/task")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void twoNodesShareTheWorkAndNothingIsLostOrDoneTwice() throws Exception {
        theSecondNodeStartedOnTheSameDatabaseWithoutDuplicatingSetup();

        Instant start = Instant.now();
        String prefix = "CL" + ClusterScenario.runId();
        List<String> serials = database.insertTerminals(prefix, TICKETS);
        String mine = "(SELECT process_instance_id FROM ticket WHERE terminal_serial LIKE '" + prefix + "-%')";

        Map<String, Ticket> tickets = reportAll(serials);
        assertThat(tickets).as("tickets accepted by the merchant API").hasSize(TICKETS);
        Map<String, String> processOf = new HashMap<>();   // ticket number -> process instance
        for (Map<String, Object> row : database.rows("SELECT ticket_number, process_instance_id FROM ticket WHERE terminal_serial LIKE ?",
                prefix + "-%")) {
            processOf.put((String) row.get("ticket_number"), (String) row.get("process_instance_id"));
        }
        assertThat(processOf.keySet()).as("every accepted ticket is in the ticket table").containsExactlyInAnyOrderElementsOf(tickets.keySet());
        Map<String, Ticket> byProcess = new HashMap<>();
        tickets.values().forEach(ticket -> byProcess.put(processOf.get(ticket.number()), ticket));
        Instant reported = Instant.now();

        Set<String> surveysAnswered = ConcurrentHashMap.newKeySet();
        Set<String> surveysClosedBeforeAnswer = ConcurrentHashMap.newKeySet();
        workAllTickets(byProcess, mine, surveysAnswered, surveysClosedBeforeAnswer);
        Instant worked = Instant.now();

        // ---- every ticket finished
        assertThat(database.count("SELECT COUNT(*) FROM ticket WHERE terminal_serial LIKE ? AND closed_at IS NULL", prefix + "-%"))
                .as("tickets without closed_at").isZero();
        List<Map<String, Object>> instances = database.rows("SELECT id_, state_, end_act_id_, end_time_ FROM act_hi_procinst WHERE id_ IN " + mine);
        assertThat(instances).hasSize(TICKETS);
        assertThat(instances).allSatisfy(instance -> {
            assertThat(instance.get("end_time_")).as("end of %s", instance.get("id_")).isNotNull();
            assertThat(instance.get("state_")).as("state of %s", instance.get("id_")).isEqualTo("COMPLETED");
            assertThat(instance.get("end_act_id_")).as("end event of %s", instance.get("id_")).isEqualTo("EndEvent_TicketClosed");
        });
        assertThat(database.count("SELECT COUNT(*) FROM act_ru_execution WHERE proc_inst_id_ IN " + mine)).isZero();

        // ---- each SLA timer fired exactly once where it was due, never where it was not
        Map<String, Map<String, Long>> activityCounts = activityCounts(mine);
        Map<String, Long> expectedOncePerTicket = new TreeMap<>();
        List<String> timerProblems = new ArrayList<>();
        for (String process : byProcess.keySet()) {
            Map<String, Long> counts = activityCounts.getOrDefault(process, Map.of());
            Ticket ticket = byProcess.get(process);
            boolean expired = !surveysAnswered.contains(ticket.number());
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("BoundaryEvent_ResponseSlaAtRisk", 1L);
            expected.put("Task_WarnResponseSlaAtRisk", 1L);
            expected.put("BoundaryEvent_ResponseSlaBreached", 1L);
            expected.put("Task_EscalateResponseSla", 1L);
            expected.put("BoundaryEvent_ResolutionTargetMissed", 0L);
            expected.put("BoundaryEvent_ResolutionExtensionExceeded", 0L);
            expected.put("BoundaryEvent_LoanerReturnReminder", 0L);
            expected.put("BoundaryEvent_SurveyExpired", expired ? 1L : 0L);
            expected.put("Task_DiagnoseFault", 1L);
            expected.put("Task_CloseTicket", 1L);
            expected.forEach((activity, count) -> {
                long actual = counts.getOrDefault(activity, 0L);
                if (actual != count) {
                    timerProblems.add(ticket.number() + " " + activity + ": " + actual + " instead of " + count);
                }
                expectedOncePerTicket.merge(activity, actual, Long::sum);
            });
        }
        assertThat(timerProblems).as("activity instances per ticket").isEmpty();
        long unanswered = byProcess.values().stream().filter(ticket -> !surveysAnswered.contains(ticket.number())).count();
        assertThat(unanswered).as("surveys left unanswered on purpose").isGreaterThanOrEqualTo(TICKETS / 10);

        // ---- no job ran twice: the job log keeps each success (and failure; creations and deletions are not kept, see
        // records.RecordsHistoryLevel); the jobs that had to run did, as the activity counts above show, and none is left
        List<Map<String, Object>> twice = database.rows("SELECT job_id_, COUNT(*) AS n FROM act_hi_job_log WHERE job_state_ = 2"
                + " AND process_instance_id_ IN " + mine + " GROUP BY job_id_ HAVING COUNT(*) > 1");
        assertThat(twice).as("jobs that succeeded more than once").isEmpty();
        assertThat(database.count("SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 AND process_instance_id_ IN " + mine))
                .as("successful jobs").isGreaterThanOrEqualTo(TICKETS * 3L);
        List<Map<String, Object>> failures = database.rows("SELECT job_id_, act_id_, hostname_, job_exception_msg_ FROM act_hi_job_log"
                + " WHERE job_state_ = 1 AND process_instance_id_ IN " + mine);
        List<Map<String, Object>> realFailures = failures.stream()
                .filter(failure -> !String.valueOf(failure.get("job_exception_msg_")).contains("OptimisticLock")
                        && !String.valueOf(failure.get("job_exception_msg_")).contains("ENGINE-03005"))
                .toList();
        assertThat(realFailures).as("job failures other than optimistic locking conflicts").isEmpty();

        // ---- no incident, no job left (with or without exception)
        assertThat(database.count("SELECT COUNT(*) FROM act_hi_incident WHERE proc_inst_id_ IN " + mine)).as("incidents").isZero();
        assertThat(database.count("SELECT COUNT(*) FROM act_ru_incident WHERE proc_inst_id_ IN " + mine)).as("open incidents").isZero();
        assertThat(database.count("SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IN " + mine)).as("jobs left").isZero();
        assertThat(database.count("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL OR exception_stack_id_ IS NOT NULL"))
                .as("jobs with exceptions in the whole database").isZero();

        // ---- every notification sent exactly once, by one of the nodes
        String outbox = "SELECT id, ticket_number, kind, attempts, sent_at, last_error FROM notification_outbox WHERE ticket_number IN"
                + " (SELECT ticket_number FROM ticket WHERE terminal_serial LIKE ?)";
        await("all notifications sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                database.rows(outbox, prefix + "-%").stream().allMatch(row -> row.get("sent_at") != null));
        List<Map<String, Object>> notifications = database.rows(outbox, prefix + "-%");
        Map<String, Map<String, Long>> kindsPerTicket = new HashMap<>();
        for (Map<String, Object> row : notifications) {
            kindsPerTicket.computeIfAbsent((String) row.get("ticket_number"), number -> new TreeMap<>())
                    .merge((String) row.get("kind"), 1L, Long::sum);
        }
        List<String> notificationProblems = new ArrayList<>();
        for (Ticket ticket : tickets.values()) {
            Map<String, Long> expected = new TreeMap<>(Map.of("TICKET_RECEIVED", 1L, "SURVEY_SENT", 1L, "TICKET_CLOSED", 1L));
            Plan plan = Plan.of(ticket.index());
            if (plan.channel().equals("MAIL_IN")) {
                expected.put("LOANER_LENT", 1L);
                expected.put("TERMINAL_RETURNED", 1L);
            }
            if (plan.channel().equals("ON_SITE") || (plan.channel().equals("REMOTE") && !plan.remoteFixed())) {
                expected.put("VISIT_AGREED", 1L);
            }
            if (!expected.equals(kindsPerTicket.get(ticket.number()))) {
                notificationProblems.add(ticket.number() + ": " + kindsPerTicket.get(ticket.number()) + " instead of " + expected);
            }
        }
        assertThat(notificationProblems).as("notifications per ticket").isEmpty();
        assertThat(notifications).allSatisfy(row -> {
            assertThat(((Number) row.get("attempts")).intValue()).as("attempts of notification %s", row.get("id")).isEqualTo(1);
            assertThat(row.get("last_error")).as("error of notification %s", row.get("id")).isNull();
        });
        Map<Long, Map<String, Integer>> logged = loggedNotifications(List.of(nodeA, nodeB));
        List<String> logProblems = new ArrayList<>();
        Map<String, Integer> sentPerNode = new TreeMap<>();
        for (Map<String, Object> row : notifications) {
            long id = ((Number) row.get("id")).longValue();
            Map<String, Integer> lines = logged.getOrDefault(id, Map.of());
            int total = lines.values().stream().mapToInt(Integer::intValue).sum();
            if (total != 1) {
                logProblems.add("notification " + id + " (" + row.get("ticket_number") + " " + row.get("kind") + ") logged " + lines);
            }
            lines.forEach((node, count) -> sentPerNode.merge(node, count, Integer::sum));
        }
        assertThat(logProblems).as("log-channel lines per notification across both nodes' logs").isEmpty();

        // ---- both nodes did work: jobs executed (historic job log, by the engine's hostname) and notifications sent
        Map<String, Long> jobsPerNode = new TreeMap<>();
        for (Map<String, Object> row : database.rows("SELECT hostname_, COUNT(*) AS n FROM act_hi_job_log WHERE job_state_ = 2"
                + " AND process_instance_id_ IN " + mine + " GROUP BY hostname_")) {
            jobsPerNode.put((String) row.get("hostname_"), ((Number) row.get("n")).longValue());
        }
        long jobs = jobsPerNode.values().stream().mapToLong(Long::longValue).sum();
        assertThat(jobsPerNode.keySet()).as("nodes that executed jobs").containsExactlyInAnyOrder(nodeA.hostname(), nodeB.hostname());
        assertThat(jobsPerNode.values()).as("jobs per node, of %d", jobs).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(jobs / 10));
        assertThat(sentPerNode.keySet()).as("nodes that sent notifications").containsExactlyInAnyOrder(nodeA.name(), nodeB.name());
        assertThat(problems).as("unexpected answers while working the tickets").isEmpty();

        System.out.printf("[cluster] %d tickets reported in %d s, all closed after %d s more (whole test %d s)%n", TICKETS,
                Duration.between(start, reported).toSeconds(), Duration.between(reported, worked).toSeconds(),
                Duration.between(start, Instant.now()).toSeconds());
        System.out.printf("[cluster] API calls %d per node %s; answers other than 2xx %s%n", calls.get(), callsPerNode, unexpectedAnswers);
        System.out.printf("[cluster] activities fired (sum over tickets) %s; surveys answered %d, expired %d (%d closed before the answer)%n",
                expectedOncePerTicket, surveysAnswered.size(), unanswered, surveysClosedBeforeAnswer.size());
        System.out.printf("[cluster] jobs executed %d per node %s; job failures (optimistic locking, retried) %d%n",
                jobs, jobsPerNode, failures.size());
        System.out.printf("[cluster] notifications %d, each sent once; per node %s%n", notifications.size(), sentPerNode);
    }

    /** Demo people, filters, grants, deployment and demo records exist once, although two nodes started on the database. */
    private void theSecondNodeStartedOnTheSameDatabaseWithoutDuplicatingSetup() {
        assertThat(database.column("SELECT id_ FROM act_id_user WHERE id_ IN ('hana', 'tom', 'tina', 'rita', 'sam', 'mary', 'alan', 'admin')",
                String.class)).hasSize(8);
        assertThat(database.rows("SELECT name_, COUNT(*) AS n FROM act_ru_filter GROUP BY name_ HAVING COUNT(*) > 1"))
                .as("Tasklist filters created twice").isEmpty();
        assertThat(database.count("SELECT COUNT(*) FROM act_ru_filter")).as("Tasklist filters").isPositive();
        assertThat(database.count("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = ?", PROCESS)).as("process deployed").isPositive();
        assertThat(database.count("SELECT COUNT(*) FROM act_re_deployment WHERE deploy_time_ >= ?", nodeB.startedAt()))
                .as("deployments by the second node (deploy-changed-only: none)").isZero();
        assertThat(database.count("SELECT COUNT(*) FROM merchant WHERE merchant_id IN ('M-100231', 'M-100232', 'M-100233')")).isEqualTo(3);
        assertThat(database.count("SELECT COUNT(*) FROM pos_schema_history WHERE success = false")).as("failed migrations").isZero();
    }

    // ------------------------------------------------------------------------------------------------
    // the load

    /** What the people do with ticket number {@code index}, so that every path runs and every role works. */
    record Plan(String severity, String channel, boolean remoteFixed, Integer score) {

        static Plan of(int index) {
            int k = index % 10;
            String channel = k <= 5 ? "REMOTE" : k <= 7 ? "MAIL_IN" : "ON_SITE";
            String severity = k == 2 ? "URGENT" : k == 4 ? "MAJOR" : "NORMAL";
            boolean remoteFixed = index % 20 != 5;
            Integer score = k == 9 ? null : k == 3 ? 2 : k == 1 ? 4 : 5;
            return new Plan(severity, channel, remoteFixed, score);
        }
    }

    private Map<String, Ticket> reportAll(List<String> serials) throws Exception {
        Map<String, Ticket> tickets = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> reports = new ArrayList<>();
            for (int i = 0; i < serials.size(); i++) {
                int index = i;
                reports.add(pool.submit(() -> {
                    String key = "cluster-" + serials.get(index);
                    for (int attempt = 0; attempt < 3; attempt++) {
                        ClusterNode node = (index + attempt) % 2 == 0 ? nodeA : nodeB;
                        Http.Response response = ClusterScenario.report(http, node, index, serials.get(index), key);
                        count(node, response);
                        if (response.status() == 201 || (response.status() == 200 && attempt > 0)) {
                            String number = response.body().path("ticketNumber").asText();
                            tickets.put(number, new Ticket(index, serials.get(index), number,
                                    response.body().path("accessToken").asText(), node.name(), response.status()));
                            return null;
                        }
                        problems.add("report " + serials.get(index) + " via " + node.name() + ": " + response);
                    }
                    return null;
                }));
            }
            for (Future<?> report : reports) {
                report.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return tickets;
    }

    /**
     * Works the human tasks of the tickets through the engine REST API (alternating nodes), answers
     * surveys through the merchant API, until every ticket's process ended.
     */
    private void workAllTickets(Map<String, Ticket> byProcess, String mine, Set<String> surveysAnswered,
                                Set<String> surveysClosedBeforeAnswer) throws Exception {
        Map<String, LocalDate> visitDays = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // each poll does the work that is ready; the condition holds once every ticket has ended
            Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (database.count("SELECT COUNT(*) FROM act_hi_procinst WHERE end_time_ IS NULL AND id_ IN " + mine) == 0) {
                    return true;
                }
                Set<String> responseTimersFired = new HashSet<>(database.column("SELECT proc_inst_id_ FROM act_hi_actinst"
                        + " WHERE act_id_ IN ('BoundaryEvent_ResponseSlaAtRisk', 'BoundaryEvent_ResponseSlaBreached')"
                        + " AND proc_inst_id_ IN " + mine + " GROUP BY proc_inst_id_ HAVING COUNT(DISTINCT act_id_) = 2", String.class));
                List<Callable<Void>> work = new ArrayList<>();
                Set<String> taken = new HashSet<>();
                for (Map.Entry<String, Set<String>> role : ROLES.entrySet()) {
                    for (JsonNode task : tasks(role.getKey())) {
                        Ticket ticket = byProcess.get(task.path("processInstanceId").asText());
                        String key = task.path("taskDefinitionKey").asText();
                        // another test's ticket, or a task this person may see (managers see all) but is not his to do
                        if (ticket == null || !role.getValue().contains(key) || !taken.add(task.path("id").asText())) {
                            continue;
                        }
                        String id = task.path("id").asText();
                        Plan plan = Plan.of(ticket.index());
                        switch (key) {
                            case "Task_AnswerSurvey" -> {
                                if (plan.score() != null) {
                                    work.add(() -> answerSurvey(ticket, plan, surveysAnswered, surveysClosedBeforeAnswer));
                                }
                            }
                            case "Task_ConfirmDiagnosis" -> {
                                if (responseTimersFired.contains(task.path("processInstanceId").asText())) {
                                    work.add(() -> complete(technician(ticket), id, key, Map.of("severity", plan.severity(),
                                            "repairChannel", plan.channel(), "merchantCausedDamage", false,
                                            "diagnosisNotes", "Called the merchant; fault reproduced.")));
                                }
                            }
                            case "Task_RemoteSupport" -> work.add(() -> complete(technician(ticket), id, key, Map.of(
                                    "remoteMedium", "PHONE", "remoteSessionNotes", "Walked the merchant through a reset.",
                                    "remoteResolved", plan.remoteFixed())));
                            case "Task_ScheduleVisit" -> work.add(() -> scheduleVisit(ticket, id, visitDays));
                            case "Task_RepairOnSite" -> work.add(() -> complete(technician(ticket), id, key, Map.of(
                                    "repairReport", "Replaced the chip reader on site.", "partsReplaced", "CARD_READER_IC")));
                            case "Task_ReceiveTerminal" -> work.add(() -> complete("rita", id, key, Map.of(
                                    "shippingReference", "SF" + ticket.index(), "loanerSerial", "LOANER-" + ticket.index())));
                            case "Task_RepairAtCentre" -> work.add(() -> complete("rita", id, key, Map.of(
                                    "repairReport", "Replaced the printer head.", "partsReplaced", "PRINTER_HEAD")));
                            case "Task_ReturnTerminal" -> work.add(() -> complete("rita", id, key, Map.of(
                                    "returnShippingReference", "SF-R" + ticket.index(), "loanerReturned", true)));
                            case "Task_FollowUpLowScore" -> work.add(() -> complete("mary", id, key, Map.of(
                                    "followUpNotes", "Called the merchant and apologised.")));
                            default -> problems.add("unexpected task " + key + " of " + ticket.number());
                        }
                    }
                }
                for (Future<Void> done : pool.invokeAll(work)) {
                    done.get();
                }
                return false;
            });
        } catch (ConditionTimeoutException stillOpen) {
            throw new AssertionError("Tickets still open after 4 minutes: " + database.rows(
                    "SELECT e.proc_inst_id_, e.act_id_ FROM act_ru_execution e WHERE e.act_id_ IS NOT NULL AND e.proc_inst_id_ IN " + mine
                            + " LIMIT 20"), stillOpen);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String technician(Ticket ticket) {
        return ticket.index() % 2 == 0 ? "tom" : "tina";
    }

    /** The tasks a demo user sees (his groups' tasks) of the process, from alternating nodes. */
    private List<JsonNode> tasks(String user) throws IOException {
        ClusterNode node = nextNode();
        Http.Response response = http.get(node.baseUrl() + "/engine-rest/task?processDefinitionKey=" + PROCESS
                + "&maxResults=5000", user);
        count(node, response);
        if (!response.ok()) {
            problems.add("task query as " + user + " via " + node.name() + ": " + response);
            return List.of();
        }
        List<JsonNode> tasks = new ArrayList<>();
        response.body().forEach(tasks::add);
        return tasks;
    }

    private Void complete(String user, String taskId, String taskKey, Map<String, Object> values) throws IOException {
        ClusterNode node = nextNode();
        Http.Response response = http.post(node.baseUrl() + "/engine-rest/task/" + taskId + "/complete", user,
                Map.of("variables", variables(values)));
        count(node, response);
        if (response.status() != 204 && !transientConflict(response)) {
            problems.add("complete " + taskKey + " as " + user + " via " + node.name() + ": " + response);
        }
        return null;
    }

    /** An appointment inside service hours: 10:00 of the next weekday; when refused (a holiday), the day after. */
    private Void scheduleVisit(Ticket ticket, String taskId, Map<String, LocalDate> nextDay) throws IOException {
        LocalDate day = nextDay.getOrDefault(ticket.number(), ZonedDateTime.now(SERVICE_ZONE).toLocalDate().plusDays(1));
        while (day.getDayOfWeek().getValue() >= 6) {
            day = day.plusDays(1);
        }
        String appointment = day.atTime(10, 0).atZone(SERVICE_ZONE).toOffsetDateTime().toString();
        ClusterNode node = nextNode();
        Http.Response response = http.post(node.baseUrl() + "/engine-rest/task/" + taskId + "/complete", technician(ticket),
                Map.of("variables", variables(Map.of("visitAppointment", appointment, "visitAddress", "Shop front, 1 Harbour Road"))));
        count(node, response);
        if (response.status() == 400 && response.text().contains("visitAppointment")
                && day.isBefore(ZonedDateTime.now(SERVICE_ZONE).toLocalDate().plusDays(60))) {
            nextDay.put(ticket.number(), day.plusDays(1));
        } else if (response.status() != 204 && !transientConflict(response)) {
            problems.add("schedule visit " + ticket.number() + " via " + node.name() + ": " + response);
        }
        return null;
    }

    private Void answerSurvey(Ticket ticket, Plan plan, Set<String> answered, Set<String> closedBeforeAnswer) throws IOException {
        ClusterNode node = nextNode();
        Map<String, Object> answer = new HashMap<>();
        answer.put("score", plan.score());
        answer.put("comment", plan.score() <= 2 ? "Took too long." : "Quick and friendly.");
        Http.Response response = http.post(node.baseUrl() + "/api/merchant/tickets/" + ticket.number() + "/survey", null, answer,
                "X-Ticket-Token", ticket.token());
        count(node, response);
        if (response.status() == 200) {
            answered.add(ticket.number());
        } else if (response.status() == 409) {
            closedBeforeAnswer.add(ticket.number());   // expired meanwhile: then the expiry timer must have fired
        } else if (!transientConflict(response)) {
            problems.add("survey " + ticket.number() + " via " + node.name() + ": " + response);
        }
        return null;
    }

    /** An optimistic locking conflict with a job of the same ticket: the task is still there and is tried again. */
    private static boolean transientConflict(Http.Response response) {
        return response.status() == 500 && (response.text().contains("OptimisticLocking") || response.text().contains("ENGINE-03005"))
                || response.status() == 404;
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    private ClusterNode nextNode() {
        return calls.getAndIncrement() % 2 == 0 ? nodeA : nodeB;
    }

    private void count(ClusterNode node, Http.Response response) {
        callsPerNode.computeIfAbsent(node.name(), name -> new AtomicInteger()).incrementAndGet();
        if (!response.ok()) {
            unexpectedAnswers.computeIfAbsent(response.status() + " " + abbreviate(response), key -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static String abbreviate(Http.Response response) {
        String text = response.text().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}|[0-9A-HJKMNP-TV-Z]{26}", "<id>").replaceAll("SR-\\d{8}-\\d+", "<ticket>");
        return text.length() > 120 ? text.substring(0, 120) : text;
    }

    // ------------------------------------------------------------------------------------------------
    // reading the results

    /** Per process instance: how many instances of each activity the history holds. */
    private Map<String, Map<String, Long>> activityCounts(String mine) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Map<String, Object> row : database.rows("SELECT proc_inst_id_, act_id_, COUNT(*) AS n FROM act_hi_actinst"
                + " WHERE proc_inst_id_ IN " + mine + " GROUP BY proc_inst_id_, act_id_")) {
            counts.computeIfAbsent((String) row.get("proc_inst_id_"), id -> new HashMap<>())
                    .put((String) row.get("act_id_"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    /** Per outbox id: how many log-channel lines each node's log holds. */
    static Map<Long, Map<String, Integer>> loggedNotifications(List<ClusterNode> nodes) throws IOException {
        Map<Long, Map<String, Integer>> logged = new HashMap<>();
        for (ClusterNode node : nodes) {
            for (String line : Files.readAllLines(node.log(), StandardCharsets.UTF_8)) {
                if (!line.contains("LogChannel")) {
                    continue;
                }
                Matcher matcher = NOTIFICATION_LINE.matcher(line);
                if (matcher.find()) {
                    logged.computeIfAbsent(Long.parseLong(matcher.group(1)), id -> new TreeMap<>()).merge(node.name(), 1, Integer::sum);
                }
            }
        }
        return logged;
    }
}
