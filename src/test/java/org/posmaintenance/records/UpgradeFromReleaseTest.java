package org.posmaintenance.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.posmaintenance.identity.TasklistFilters;
import org.posmaintenance.model.ApplicationNode;
import org.posmaintenance.testing.Http;
import org.posmaintenance.testing.Http.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The upgrade to the ticket records, on a database made by release 0.1 ({@code src/test/resources/upgrade/release-0.1},
 * twelve tickets in every state, and what that release showed for them). This release starts on a copy of it, as
 * an installation would be upgraded (a real server, the H2 file database, Flyway, the records filled at start-up):
 * every merchant page and every figure of the period's report are what release 0.1 showed; the records hold the
 * work, bills and journals of the old tickets; the running tickets then go on to their end on this release, and
 * the timers that fell due meanwhile run without a failure. A second start fills nothing twice.
 */
@Tag("restart")
class UpgradeFromReleaseTest {

    private static final Path FIXTURE = Paths.get("src", "test", "resources", "upgrade", "release-0.1").toAbsolutePath();
    private static final Path ROOT = Paths.get("target", "upgrade-from-0.1").toAbsolutePath();
    private static final Path CLASSES = Paths.get("target", "classes").toAbsolutePath();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration AWAIT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Fields this release's answers have that release 0.1's had not, or that say when they were made. */
    private static final Set<String> NEW_OR_MOMENTARY = Set.of("priceListVersion", "generatedAt", "withoutHistory");

    private ApplicationNode node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void ticketsOfRelease01KeepWhatTheyShowedAndGoOnToTheirEnd() throws Exception {
        JsonNode expected = Http.JSON.readTree(FIXTURE.resolve("expected.json").toFile());
        restoreDatabase();
        Map<String, JsonNode> tickets = new HashMap<>();
        expected.get("tickets").forEach(ticket -> tickets.put(ticket.get("letter").asText(), ticket));

        // first start, as the upgrade: the job executor off, so that no timer moves a ticket before it is compared
        // (the fixture's tickets ended on the day it was made: their links stay valid whenever this test runs)
        node = start("upgrade", "--camunda.bpm.job-execution.enabled=false", "--pos.merchant.token-valid-after-close=36500d");
        for (JsonNode ticket : tickets.values()) {
            Response page = node.get("/api/merchant/tickets/" + ticket.get("ticketNumber").asText(), null,
                    "X-Ticket-Token", ticket.get("accessToken").asText());
            assertThat(page.status()).as("merchant page of " + ticket.get("letter").asText()).isEqualTo(200);
            assertSame(ticket.get("merchantPage"), page.body(), "ticket " + ticket.get("letter").asText());
        }
        JsonNode report = expected.get("slaReport");
        Response figures = node.get("/api/reports/sla?from=" + report.get("from").asText() + "&to=" + report.get("to").asText(), "mary");
        assertThat(figures.status()).isEqualTo(200);
        JsonNode before = report.get("response");
        for (String section : List.of("period", "tickets", "compliance", "times", "survey", "billing")) {
            assertSame(before.get(section), figures.body().get(section), "report " + section);
        }
        for (String count : List.of("lent", "returned", "out")) {
            assertSame(before.at("/loaners/" + count), figures.body().at("/loaners/" + count), "report loaners " + count);
        }

        // the release's seven Tasklist filters are renamed in Chinese, described in Chinese, none added twice
        Response filters = node.get("/engine-rest/filter?resourceType=Task", "admin");
        assertThat(filters.status()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        List<String> descriptions = new java.util.ArrayList<>();
        filters.body().forEach(filter -> {
            names.add(filter.path("name").asText());
            descriptions.add(filter.path("properties").path("description").asText());
        });
        assertThat(names).containsExactlyInAnyOrder(TasklistFilters.GROUP_TASKS,
                TasklistFilters.MY_TASKS, TasklistFilters.DUE_TODAY, TasklistFilters.OVERDUE, TasklistFilters.ESCALATED,
                TasklistFilters.SLA_AT_RISK, TasklistFilters.SLA_BREACHED);
        assertThat(descriptions).allMatch(text -> text.matches(".*[\\u4e00-\\u9fff].*"));

        // the old tickets' records: the work and who did it, the bill, the journal, the evaluation
        JsonNode a = record("A", tickets);
        assertThat(a.at("/ticket/responder").asText()).isEqualTo("tom");
        assertThat(a.at("/repairWork/0/channel").asText()).isEqualTo("ON_SITE");
        assertThat(a.at("/repairWork/0/outcome").asText()).isEqualTo("REPAIRED");
        assertThat(a.at("/repairWork/0/parts/0").asText()).isEqualTo("PRINTER_HEAD");
        assertThat(a.at("/bill/total").asText()).isEqualTo("280.00");
        assertThat(a.at("/bill/priceListVersion").asText()).isEqualTo(RecordsBackfill.UNRECORDED_PRICE_LIST);
        assertThat(a.at("/evaluation/score").asInt()).isEqualTo(4);
        JsonNode e = record("E", tickets);
        assertThat(e.at("/repairWork").findValuesAsText("outcome")).containsExactly("PART_UNAVAILABLE", "REPAIRED");
        JsonNode f = record("F", tickets);
        assertThat(f.at("/repairWork").findValuesAsText("outcome")).containsExactly("BEYOND_REPAIR", "REPLACED");
        assertThat(f.at("/ticket/replacementSerial").asText()).isEqualTo("NEW-N910-77901");
        JsonNode d = record("D", tickets);
        assertThat(d.at("/loaner/loanerSerial").asText()).isEqualTo("LOAN-A920-041");
        assertThat(d.at("/loaner/returnedAt").isNull()).isTrue();
        int notificationsOfA = a.get("notifications").size();
        assertThat(notificationsOfA).isGreaterThanOrEqualTo(3);

        // the running tickets go on, on this release: rita repairs J at the centre and sends it back with the loaner;
        // tom confirms I's diagnosis
        String j = tickets.get("J").get("ticketNumber").asText();
        complete("rita", j, "Task_RepairAtCentre", Map.of("repairOutcome", value("REPAIRED"),
                "repairReport", value("Replaced the keypad."), "partsReplaced", Map.of("value", "[\"KEYPAD\"]", "type", "Json")));
        complete("rita", j, "Task_ReturnTerminal", Map.of("returnShippingReference", value("SF7000001"), "loanerReturned", value(true)));
        String i = tickets.get("I").get("ticketNumber").asText();
        complete("tom", i, "Task_ConfirmDiagnosis", Map.of("severity", value("NORMAL"), "repairChannel", value("REMOTE"),
                "merchantCausedDamage", value(false), "diagnosisNotes", value("Checked with the merchant by phone.")));
        assertThat(record("I", tickets).at("/ticket/responder").asText()).isEqualTo("tom");
        node.stop(Duration.ofSeconds(30));

        // second start, the job executor on: the timers and steps that fell due run on the old tickets' records
        node = start("second", "--pos.notifications.sending=false", "--pos.merchant.token-valid-after-close=36500d");
        JsonNode billed = awaitRecord("J", tickets, record -> !record.get("bill").isNull());
        assertThat(billed.at("/bill/lines").findValuesAsText("code")).contains("KEYPAD", "MAIL_IN");
        assertThat(billed.at("/loaner/returnedAt").isNull()).isFalse();
        assertThat(record("A", tickets).get("notifications").size()).as("nothing filled twice").isEqualTo(notificationsOfA);
        awaitNoDueJobs();
        Response failed = node.get("/engine-rest/job?withException=true", "admin");
        assertThat(failed.body()).as("jobs that failed: " + failed.text()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Loads release 0.1's database (an H2 script) into a new file database where the node finds it. */
    private static void restoreDatabase() throws Exception {
        if (Files.exists(ROOT)) {
            try (Stream<Path> files = Files.walk(ROOT)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(ROOT.resolve("db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + ROOT.resolve("db").resolve("pos"), "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + FIXTURE.resolve("database.sql.gz") + "' COMPRESSION GZIP");
        }
    }

    private ApplicationNode start(String name, String... arguments) {
        ApplicationNode started = new ApplicationNode(name, CLASSES, ROOT.resolve("db"), ROOT.resolve(name + ".log"), arguments);
        started.start().awaitReady(START_TIMEOUT);
        return started;
    }

    private JsonNode record(String letter, Map<String, JsonNode> tickets) throws IOException {
        Response record = node.get("/api/tickets/" + tickets.get(letter).get("ticketNumber").asText(), "mary");
        assertThat(record.status()).as("record of " + letter + ": " + record.text()).isEqualTo(200);
        return record.body();
    }

    /** The ticket's record once it satisfies {@code done} (the job executor of the node gets it there). */
    private JsonNode awaitRecord(String letter, Map<String, JsonNode> tickets, Predicate<JsonNode> done) {
        return Awaitility.await("ticket " + letter + " with its record complete").atMost(AWAIT).pollInterval(POLL)
                .ignoreExceptions().until(() -> record(letter, tickets), done);
    }

    /** Waits until no job is due any more (the timers that fell due while no node ran, and what follows them). */
    private void awaitNoDueJobs() {
        Awaitility.await("no job due on the node").atMost(AWAIT).pollInterval(POLL)
                .until(() -> node.get("/engine-rest/job/count?executable=true", "admin").body().path("count").asInt(-1) == 0);
    }

    /** As Tasklist does it: the user claims the ticket's task and completes it with the form's fields. */
    private void complete(String user, String ticketNumber, String taskKey, Map<String, Object> variables) throws IOException {
        Response tasks = node.get("/engine-rest/task?processInstanceBusinessKey=" + ticketNumber + "&taskDefinitionKey=" + taskKey, user);
        assertThat(tasks.body()).as(taskKey + " of " + ticketNumber + ": " + tasks.text()).hasSize(1);
        String task = tasks.body().get(0).get("id").asText();
        assertThat(node.post("/engine-rest/task/" + task + "/claim", user, Map.of("userId", user)).status()).isEqualTo(204);
        Response completed = node.post("/engine-rest/task/" + task + "/complete", user, Map.of("variables", variables));
        assertThat(completed.status()).as("complete " + taskKey + ": " + completed.text()).isEqualTo(204);
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    /**
     * Everything release 0.1 showed is shown the same (numbers by value); fields this release adds, or that say
     * when an answer was made, are left out.
     */
    private static void assertSame(JsonNode before, JsonNode now, String where) {
        List<String> differences = new ArrayList<>();
        compare(before, now, where, differences);
        assertThat(differences).as(where).isEmpty();
    }

    private static void compare(JsonNode before, JsonNode now, String path, List<String> differences) {
        if (before == null || before.isMissingNode()) {
            return;
        }
        if (now == null || now.isMissingNode()) {
            differences.add(path + ": missing, was " + before);
        } else if (before.isNumber() && now.isNumber()) {
            if (before.decimalValue().compareTo(now.decimalValue()) != 0) {
                differences.add(path + ": " + now + ", was " + before);
            }
        } else if (before.isObject() && now.isObject()) {
            for (Iterator<String> names = before.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!NEW_OR_MOMENTARY.contains(name)) {
                    compare(before.get(name), now.get(name), path + "/" + name, differences);
                }
            }
        } else if (before.isArray() && now.isArray() && before.size() == now.size()) {
            for (int index = 0; index < before.size(); index++) {
                compare(before.get(index), now.get(index), path + "/" + index, differences);
            }
        } else if (!before.equals(now)) {
            differences.add(path + ": " + now + ", was " + before);
        }
    }
}
