package org.posmaintenance.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Assumptions;
import org.posmaintenance.testing.Http;

/** What the cluster tests share: node settings, the merchant's report, the tickets reported. */
final class ClusterScenario {

    static final String PROCESS = "PosTerminalMaintenance";
    static final String[] CATEGORIES = {"PRINTER", "CARD_READER", "NETWORK", "DISPLAY_KEYPAD", "POWER", "OTHER"};

    private ClusterScenario() {
    }

    /**
     * Deploys, through the engine REST API of {@code node} as the analyst alan, a revision of the
     * decision table {@code SlaTargets} that makes every first-response target {@code response} round
     * the clock (the warning at 75 % of it) and resolution targets so long that they never fall due in a
     * test: what an analyst does after editing the table in Modeler.
     */
    static void deployServiceLevels(Http http, ClusterNode node, Duration response, Duration resolution) throws IOException {
        DmnModelInstance table;
        try (var file = ClusterScenario.class.getResourceAsStream("/models/SlaTargets.dmn")) {
            table = Dmn.readModelFromStream(file);
        }
        // outputs of each rule: response, its clock, resolution, its clock, extension, what the resolution counts from
        List<String> outputs = List.of(response.toString(), "ROUND_THE_CLOCK", resolution.toString(), "ROUND_THE_CLOCK",
                resolution.toString(), "CONFIRMED_DIAGNOSIS");
        for (Rule rule : table.getModelElementsByType(Rule.class)) {
            List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
            assertThat(entries).as("outputs of %s", rule.getId()).hasSameSizeAs(outputs);
            for (int i = 0; i < outputs.size(); i++) {
                entries.get(i).getText().setTextContent("\"" + outputs.get(i) + "\"");
            }
        }
        Http.Response deployed = http.postFile(node.baseUrl() + "/engine-rest/deployment/create", "alan",
                Map.of("deployment-name", "Cluster test service levels"), "SlaTargets.dmn", Dmn.convertToString(table));
        assertThat(deployed.status()).as("deployment of the revised SLA table: %s", deployed).isEqualTo(200);
    }

    /** A short run id, so that a re-run on a used database gets new terminals. */
    static String runId() {
        return Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase();
    }

    static String merchantOf(int index) {
        return new String[] {"M-100231", "M-100232", "M-100233"}[index % 3];
    }

    /** A ticket the merchant API accepted. */
    record Ticket(int index, String serial, String number, String token, String node, int status) {
    }

    /** Merchant sessions by node and merchant id: a session opened on one node is good on every node of the cluster. */
    private static final Map<String, String> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The code in the demo log's line of the text message ("SMS &lt;id&gt; to &lt;masked phone&gt;: text", the text starting
     * with the code): the first 6 digits after the recipient, whatever the log's encoding made of the Chinese around them.
     */
    private static final java.util.regex.Pattern LOGGED_CODE = java.util.regex.Pattern.compile(" to [^ ]+: [^|]*?(?<!\\d)(\\d{6})(?!\\d)");

    /**
     * A session of the merchant, opened as a merchant on the page does: asks the node for a code, reads it where the
     * demo sends it (the node's log), and sends it back.
     */
    static String session(Http http, ClusterNode node, String merchantId) throws IOException {
        String key = node.baseUrl() + " " + merchantId;
        String known = SESSIONS.get(key);
        if (known != null) {
            return known;
        }
        Http.Response started = http.post(node.baseUrl() + "/api/merchant/verifications", null, Map.of("merchantId", merchantId));
        assertThat(started.status()).as("asking for a code: %s", started).isEqualTo(202);
        String verificationId = started.body().get("verificationId").asText();
        String code = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            String line = java.nio.file.Files.readAllLines(node.log(), java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                    .filter(candidate -> candidate.contains("<" + verificationId + "@")).findFirst().orElse("");
            java.util.regex.Matcher matcher = LOGGED_CODE.matcher(line);
            return matcher.find() ? matcher.group(1) : null;
        }, java.util.Objects::nonNull);
        Http.Response confirmed = http.post(node.baseUrl() + "/api/merchant/verifications/" + verificationId, null, Map.of("code", code));
        assertThat(confirmed.status()).as("sending the code back: %s", confirmed).isEqualTo(200);
        String session = confirmed.body().get("sessionToken").asText();
        SESSIONS.put(key, session);
        return session;
    }

    /** Reports a fault of terminal {@code serial} (index {@code index}) through the merchant API of a node. */
    static Http.Response report(Http http, ClusterNode node, int index, String serial, String idempotencyKey)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", merchantOf(index));
        body.put("terminalSerial", serial);
        body.put("faultCategory", CATEGORIES[index % CATEGORIES.length]);
        body.put("description", "Cluster test fault #" + index + ": the terminal misbehaves since this morning.");
        body.put("contactPhone", "+86 21 5555 " + String.format("%04d", index % 10_000));
        return http.post(node.baseUrl() + "/api/merchant/tickets", null, body, "Idempotency-Key", idempotencyKey,
                "X-Merchant-Session", session(http, node, merchantOf(index)));
    }

    /**
     * The first reports of a service day, several at once on the given nodes: each must get its ticket
     * (201). Ticket numbers are counted per day in {@code ticket_number_counter}; the day's row is
     * created by the first report. Runs only while today's row does not exist yet (on the empty database
     * CI gives the tests, in the first test that reports); otherwise it is skipped.
     */
    static void firstReportsOfTheDayAtOnce(ClusterDatabase database, Http http, List<ClusterNode> nodes, int reports)
            throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Assumptions.assumeTrue(database.count("SELECT COUNT(*) FROM ticket_number_counter WHERE ticket_day = ?", today) == 0,
                "today's ticket numbers were counted already on this database: the first reports of the day are past");
        List<String> serials = database.insertTerminals("FD" + runId(), reports);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(reports);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                int index = i;
                ClusterNode node = nodes.get(i % nodes.size());
                answers.add(pool.submit(() -> {
                    go.await();
                    Http.Response response = report(http, node, index, serials.get(index), "first-" + serials.get(index));
                    return node.name() + " " + response;
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> answer : answers) {
                results.add(answer.get(2, TimeUnit.MINUTES));
            }
            System.out.printf("[cluster] first %d reports of %s at once: %s%n", reports, today,
                    results.stream().map(result -> result.substring(0, result.indexOf(' ', result.indexOf(' ') + 1))).toList());
            assertThat(results).as("answers to the first reports of the day, sent at once (a 500 here is the race of two"
                    + " transactions both inserting the day's row into ticket_number_counter)")
                    .allSatisfy(result -> assertThat(result).matches("(?s)\\S+ 201 .*"));
        } finally {
            pool.shutdownNow();
        }
    }
}
