package org.posmaintenance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.testing.MerchantSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Generated bad input against each public endpoint (the merchant API, the report API, the migration API): at least
 * 200 requests each, from a fixed seed so that a failure repeats. Every answer is a 4xx, nothing is stored, and
 * everything logged meanwhile is single lines of bounded length, none forged by a value.
 */
@ExtendWith(OutputCaptureExtension.class)
class FuzzedInputsTest extends ProcessScenarioTest {

    private static final String FORGED = "FORGED-LOG-LINE";
    private static final int MAX_LOG_LINE = 4000;

    @Autowired TestRestTemplate http;

    private final Random random = new Random(20261202L);

    @Test
    void badInputGets4xxStoresNothingAndLogsSingleBoundedLines(CapturedOutput output) {
        int logged = output.getOut().length();
        long tickets = count("ticket");
        long instances = runtimeService.createProcessInstanceQuery().count();
        long requests = count("merchant_request");
        List<String> problems = new ArrayList<>();

        // the merchant API: a merchant verified by a code, then reports with at least one field that cannot be valid
        String session = MerchantSessions.open(http, MERCHANT);
        long verifications = count("merchant_verification");
        long sessions = count("merchant_session");
        String client = "fuzz-" + UUID.randomUUID();
        for (int i = 0; i < 250; i++) {
            if (i % 90 == 0) {
                client = "fuzz-" + UUID.randomUUID();   // below the per-client report limit of the test profile
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("merchantId", sometimes(MERCHANT));
            report.put("terminalSerial", sometimes("PAX-A920-88003"));
            report.put("faultCategory", sometimes("PRINTER"));
            report.put("description", sometimes("The printer prints nothing at all."));
            report.put("contactPhone", sometimes("+86 21 5555 0101"));
            report.put("paymentsBlocked", random.nextBoolean() ? badValue() : false);
            // (a blank merchant id is the verified merchant's: the merchant id cannot be the field that is never valid)
            String field = List.of("terminalSerial", "faultCategory", "description").get(random.nextInt(3));
            report.put(field, field.equals("description") ? badDescription() : badValue());   // this one is never valid
            HttpHeaders headers = json(client);
            if (random.nextInt(8) > 0) {
                headers.set(MerchantSessions.HEADER, random.nextInt(10) == 0 ? headerSafe(junkText()) : session);
            }
            if (random.nextInt(4) == 0) {
                headers.set("Idempotency-Key", headerSafe(badKey()));
            }
            check("POST report " + i + " " + String.valueOf(report).substring(0, Math.min(300, String.valueOf(report).length())),
                    http.exchange("/api/merchant/tickets", HttpMethod.POST, new HttpEntity<>(report, headers), String.class), problems);
        }
        // bodies that are not the report object at all
        for (int i = 0; i < 30; i++) {
            HttpHeaders headers = json(client);
            headers.set(MerchantSessions.HEADER, session);
            check("POST body " + i, http.exchange("/api/merchant/tickets", HttpMethod.POST,
                    new HttpEntity<>(junkText(), headers), String.class), problems);
        }
        // asking for a code with merchant ids that cannot be one, and sending back codes that cannot be right
        for (int i = 0; i < 220; i++) {
            Object merchantId = badValue();
            if (String.valueOf(merchantId).strip().matches("[A-Za-z0-9_-]{1,32}")) {
                merchantId = "no id " + merchantId;
            }
            Map<String, Object> request = new java.util.HashMap<>();
            request.put("merchantId", merchantId);
            check("POST verification " + i, http.exchange("/api/merchant/verifications", HttpMethod.POST,
                    new HttpEntity<>(i % 10 == 0 ? junkText() : request, json(client)), String.class), problems);
        }
        for (int i = 0; i < 220; i++) {
            if (i % 9 == 0) {
                client = "fuzz-" + UUID.randomUUID();   // failed codes count as failed logins of the client
            }
            String verificationId = pathSafe(random.nextBoolean() ? UUID.randomUUID().toString().replace("-", "") : junkText());
            Map<String, Object> answer = new java.util.HashMap<>();
            answer.put("code", random.nextBoolean() ? String.format("%06d", random.nextInt(1_000_000)) : badValue());
            check("POST code " + i, http.exchange("/api/merchant/verifications/" + verificationId, HttpMethod.POST,
                    new HttpEntity<>(answer, json(client)), String.class), problems);
        }
        // reading, answering and withdrawing tickets that do not exist or with tokens that do not fit
        for (int i = 0; i < 60; i++) {
            HttpHeaders headers = json(client);
            headers.set("X-Ticket-Token", headerSafe(junkText()));
            boolean likeANumber = random.nextBoolean();
            String number = pathSafe(likeANumber ? "SR-20261125-" + random.nextInt(10_000) : junkText());
            if (random.nextBoolean()) {
                // the merchant's own session only with numbers no ticket has (earlier tests left tickets of this merchant)
                headers.set(MerchantSessions.HEADER, likeANumber ? headerSafe(junkText()) : session);
            }
            check("GET ticket " + i, http.exchange("/api/merchant/tickets/" + number, HttpMethod.GET, new HttpEntity<>(headers),
                    String.class), problems);
            check("POST survey " + i, http.exchange("/api/merchant/tickets/" + number + "/survey", HttpMethod.POST,
                    new HttpEntity<>(Map.of("score", badValue()), headers), String.class), problems);
            check("POST withdrawal " + i, http.exchange("/api/merchant/tickets/" + number + "/withdrawal", HttpMethod.POST,
                    new HttpEntity<>(Map.of("reason", badValue()), headers), String.class), problems);
        }

        // the report API, as a manager: periods that cannot be read
        for (int i = 0; i < 220; i++) {
            String from = encode(badDate());
            String to = encode(random.nextBoolean() ? badDate() : "2026-11-30");
            check("GET report " + i, http.withBasicAuth("mary", "mary-demo").exchange("/api/reports/sla?from=" + from + "&to=" + to,
                    HttpMethod.GET, null, String.class), problems);
        }

        // the migration API, as an analyst: to versions that do not exist, with junk around
        for (int i = 0; i < 220; i++) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("targetVersionTag", "fuzz-" + random.nextInt(1_000_000) + (random.nextBoolean() ? junkText() : ""));
            request.put("sourceVersions", random.nextBoolean() ? List.of(random.nextInt()) : badValue());
            request.put("activityMappings", random.nextBoolean() ? Map.of(junkText(), junkText()) : badValue());
            request.put("dryRun", random.nextBoolean() ? badValue() : true);
            check("POST migration " + i, http.withBasicAuth("alan", "alan-demo").exchange("/api/process-revisions/migrations",
                    HttpMethod.POST, new HttpEntity<>(request, json(client)), String.class), problems);
        }

        assertThat(problems).as("answers other than 4xx").isEmpty();
        assertThat(count("ticket")).as("tickets stored").isEqualTo(tickets);
        assertThat(count("merchant_request")).as("idempotency keys stored").isEqualTo(requests);
        assertThat(count("merchant_verification")).as("codes stored").isEqualTo(verifications);
        assertThat(count("merchant_session")).as("sessions opened").isEqualTo(sessions);
        assertThat(runtimeService.createProcessInstanceQuery().count()).as("process instances").isEqualTo(instances);
        List<String> lines = output.getOut().substring(logged).lines().toList();
        assertThat(lines).as("log lines").noneMatch(line -> line.startsWith(FORGED))
                .allMatch(line -> line.length() <= MAX_LOG_LINE);
    }

    // ------------------------------------------------------------------------------------------------ generators

    private Object sometimes(Object good) {
        return random.nextInt(3) == 0 ? badValue() : good;
    }

    /** A value no field accepts: wrong type, blank, far too long, control characters, markup, a forged log line. */
    private Object badValue() {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "   ";
            case 2 -> "x".repeat(2001 + random.nextInt(20_000));
            case 3 -> "1\r\n" + FORGED + " ERROR admin logged in";
            case 4 -> "<script>alert(1)</script>";
            case 5 -> "'; DROP TABLE ticket; --";
            case 6 -> random.nextInt();
            case 7 -> Map.of("nested", List.of(1, 2, 3));
            case 8 -> List.of("a", "b");
            case 9 -> "\u0000\u0007\u001b[31m" + "\uD83D\uDCA5".repeat(500);
            case 10 -> random.nextDouble() * 1e300;
            default -> junkText();
        };
    }

    /** Free text is valid with 10 to 2,000 characters: anything else. */
    private Object badDescription() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "  \n  ";
            case 2 -> "short\n" + FORGED;
            case 3 -> "d".repeat(2001 + random.nextInt(10_000));
            case 4 -> random.nextInt(1_000_000);   // a number is read as its digits: fewer than 10 is too short
            default -> List.of("a list", "of text");
        };
    }

    private String junkText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(80);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return random.nextInt(5) == 0 ? text + "\n" + FORGED : text.toString();
    }

    private String badDate() {
        return switch (random.nextInt(8)) {
            case 0 -> "+999999999-12-31";
            case 1 -> "-999999999-01-01";
            case 2 -> "0000-00-00";
            case 3 -> "2026-13-45";
            case 4 -> "9999-12-31T23:59:59";
            case 5 -> "2026-11-30T25:61";
            case 6 -> "x".repeat(41 + random.nextInt(500));
            default -> "now\n" + FORGED;
        };
    }

    private String badKey() {
        return switch (random.nextInt(4)) {
            case 0 -> "short";
            case 1 -> "k".repeat(101);
            case 2 -> "has spaces in the key!!";
            default -> "line\nbreak-" + FORGED;
        };
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void check(String what, ResponseEntity<String> answer, List<String> problems) {
        int status = answer.getStatusCode().value();
        if (status < 400 || status >= 500) {
            problems.add(what + ": " + status + " " + (answer.getBody() == null ? "" : answer.getBody()
                    .substring(0, Math.min(200, answer.getBody().length()))));
        }
    }

    private long count(String table) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }

    private static HttpHeaders json(String client) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", client);
        return headers;
    }

    /** A header value HTTP can carry: no line breaks or other control characters, Latin-1 only. */
    private static String headerSafe(String text) {
        String safe = text.replaceAll("[^\\x20-\\x7e]", "?");
        return safe.isEmpty() ? "?" : safe;
    }

    private static String pathSafe(String text) {
        return encode(text.isEmpty() ? "x" : text);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
