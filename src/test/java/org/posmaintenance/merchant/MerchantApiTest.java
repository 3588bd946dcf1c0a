package org.posmaintenance.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.testing.MerchantSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The merchants' JSON API: report, follow, answer the survey, and every refusal. */
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
class MerchantApiTest extends ProcessScenarioTest {

    static final String TICKETS = "/api/merchant/tickets";

    @Autowired
    TestRestTemplate http;

    /** The merchants' sessions in this test. */
    private final Map<String, String> sessions = new java.util.HashMap<>();

    @Test
    void aMerchantReportsAFaultAndFollowsTheTicketWithItsToken() {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        ResponseEntity<Map> reported = post(TICKETS, report(terminal, "The card reader rejects every chip card."), null);

        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ticketNumber = (String) reported.getBody().get("ticketNumber");
        String token = (String) reported.getBody().get("accessToken");
        assertThat(ticketNumber).matches("SR-20261125-\\d{4}");
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(reported.getBody().get("statusUrl")).isEqualTo("/merchant/#ticket=" + ticketNumber + "&token=" + token);

        ResponseEntity<Map> status = get(ticketNumber, token);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity(TICKETS + "/" + ticketNumber + "?token=" + token, Map.class).getStatusCode())
                .as("the token in the URL is not accepted: it would end up in logs and histories").isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> ticket = status.getBody();
        assertThat(ticket).containsEntry("ticketNumber", ticketNumber).containsEntry("status", "OPEN")
                .containsEntry("stage", "DIAGNOSIS").containsEntry("merchantName", "Lotus Tea House")
                .containsEntry("terminalSerial", terminal).containsEntry("faultCategory", "CARD_READER")
                .containsEntry("reportedAt", "2026-11-25T02:00:00Z").containsEntry("bill", null);
        assertThat((java.util.List<Map<String, Object>>) ticket.get("notifications"))
                .extracting(entry -> entry.get("kind")).containsExactly("TICKET_RECEIVED");
        assertThat((Map<String, Object>) ticket.get("survey")).containsEntry("status", "NOT_YET");

        ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).singleResult();
        executeJobAt(process, "Task_DiagnoseFault");
        Map<String, Object> diagnosed = get(ticketNumber, token).getBody();
        assertThat(diagnosed).containsEntry("severity", "NORMAL").containsEntry("repairChannel", "ON_SITE")
                .containsEntry("responseDue", "2026-11-26T02:00:00Z").containsEntry("responseWithinHours", 24)
                .containsEntry("deadlinesProvisional", false);
    }

    @Test
    void aDescriptionPaddedWithSpacesIsStoredTrimmedAndAnOverlongOneIsRefusedByName() {
        String description = "The card reader rejects chips.";
        ResponseEntity<Map> padded = post(TICKETS, report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"),
                description + " ".repeat(4500)), null);
        assertThat(padded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ticketNumber = (String) padded.getBody().get("ticketNumber");
        assertThat(registry.find(ticketNumber).orElseThrow().report().faultDescription()).isEqualTo(description);
        assertThat(runtimeService.getVariables(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber)
                .singleResult().getId())).as("the description is the record's only").doesNotContainKey(FAULT_DESCRIPTION);

        ResponseEntity<Map> overlong = post(TICKETS, report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"),
                "x".repeat(2001)), null);
        assertThat(overlong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overlong.getBody().toString()).contains("description");
    }

    @Test
    void anUnknownTerminalAndAnotherMerchantsTerminalGetOneAnswer() {
        String others = newTerminal("M-100232", "3.4.0", "2027-06-30", "PURCHASE");
        List<Map<String, Object>> answers = new java.util.ArrayList<>();
        for (Map<String, Object> report : List.of(
                report("NOPE-000000-1", "The printer prints nothing."),
                report(others, "The printer prints nothing."))) {
            ResponseEntity<Map> answer = post(TICKETS, report, null);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            answers.add(answer.getBody());
        }
        assertThat(answers).as("nothing tells which serial exists").allMatch(answers.get(0)::equals);
        assertThat(answers.get(0)).containsEntry("field", "terminalSerial");
        assertThat(answers.get(0).get("message").toString()).doesNotContain(others);
    }

    @Test
    void aClientSendingReportsInBulkGets429WithRetryAfter() {
        HttpHeaders headers = json();
        headers.set("X-Forwarded-For", "bulk-" + java.util.UUID.randomUUID());   // a client of its own
        headers.set(MerchantSessions.HEADER, MerchantSessions.open(http, MERCHANT));
        Map<String, Object> bad = report("NOPE-000000-9", "The printer prints nothing.");
        for (int i = 1; i <= 100; i++) {   // the test profile's pos.merchant.reports-per-client
            assertThat(http.exchange(TICKETS, HttpMethod.POST, new HttpEntity<>(bad, headers), Map.class).getStatusCode())
                    .as("report " + i).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        ResponseEntity<Map> throttled = http.exchange(TICKETS, HttpMethod.POST, new HttpEntity<>(bad, headers), Map.class);
        assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(throttled.getBody()).containsEntry("error", "too-many-requests");
        assertThat(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameTicket() {
        Map<String, Object> report = report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"), "Screen stays black after power on.");
        ResponseEntity<Map> first = post(TICKETS, report, "order-7f3a-retry");
        ResponseEntity<Map> retry = post(TICKETS, report, "order-7f3a-retry");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        String ticketNumber = (String) first.getBody().get("ticketNumber");
        assertThat(retry.getBody().get("ticketNumber")).isEqualTo(ticketNumber);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).count()).isEqualTo(1);
        assertThat(get(ticketNumber, (String) retry.getBody().get("accessToken")).getStatusCode()).isEqualTo(HttpStatus.OK);

        // the same key with another report: refused, no ticket, no token
        long tickets = runtimeService.createProcessInstanceQuery().count();
        ResponseEntity<Map> other = post(TICKETS, with(report, "description", "Another fault altogether, the keypad."),
                "order-7f3a-retry");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(other.getBody()).containsEntry("field", "Idempotency-Key").doesNotContainKey("accessToken");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(tickets);
        // a short key guesses easily: refused
        ResponseEntity<Map> shortKey = post(TICKETS, report, "order-7f3a");
        assertThat(shortKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(shortKey.getBody()).containsEntry("field", "Idempotency-Key");
        assertThat(get(ticketNumber, (String) first.getBody().get("accessToken")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSecondOpenTicketForATerminalIsRefusedWithTheOpenTicketsNumber() {
        Map<String, Object> report = report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"), "Paper jams on every receipt.");
        String open = (String) post(TICKETS, report, null).getBody().get("ticketNumber");

        ResponseEntity<Map> second = post(TICKETS, report, null);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody()).containsEntry("error", "open-ticket").containsEntry("ticketNumber", open)
                .containsEntry("field", "terminalSerial");
    }

    @Test
    void badReportsGetA400NamingTheFieldAndNothingIsStored() {
        long ticketsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class);
        long processesBefore = historyService.createHistoricProcessInstanceQuery().count();
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");

        assertInvalid("terminalSerial", with(report(terminal, "Printer prints nothing."), "terminalSerial", "NEW-N910-77001"));
        assertInvalid("terminalSerial", with(report(terminal, "Printer prints nothing."), "terminalSerial", "NO-SUCH-TERMINAL"));
        assertInvalid("faultCategory", with(report(terminal, "Printer prints nothing."), "faultCategory", "COFFEE"));
        assertInvalid("description", with(report(terminal, "Printer prints nothing."), "description", "   "));
        assertInvalid("description", with(report(terminal, "Printer prints nothing."), "description", "x".repeat(2001)));
        assertInvalid("contactPhone", with(report(terminal, "Printer prints nothing."), "contactPhone", "call me"));
        assertInvalid("paymentsBlocked", with(report(terminal, "Printer prints nothing."), "paymentsBlocked", "maybe"));
        ResponseEntity<Map> badKey = post(TICKETS, report(terminal, "Printer prints nothing."), "not a key!");
        assertThat(badKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badKey.getBody()).containsEntry("field", "Idempotency-Key");
        HttpHeaders verified = json();
        verified.set(MerchantSessions.HEADER, MerchantSessions.open(http, MERCHANT));
        ResponseEntity<Map> notJson = http.exchange(TICKETS, HttpMethod.POST, new HttpEntity<>("{not json", verified), Map.class);
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isEqualTo(ticketsBefore);
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    @Test
    void anotherTicketsTokenOrNoTokenGets404NeverTheData() {
        String mine = (String) post(TICKETS, report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"),
                "Keypad keys 3 and 6 do not respond."), null).getBody().get("ticketNumber");
        Map<String, Object> other = report(newTerminal("M-100232", "3.4.0", "2027-06-30", "PURCHASE"), "Battery drains within an hour.");
        other.put("merchantId", "M-100232");
        String othersToken = (String) post(TICKETS, other, null).getBody().get("accessToken");

        for (String token : new String[] {othersToken, "guessed-token", "", null}) {
            ResponseEntity<Map> response = get(mine, token);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getBody()).containsOnlyKeys("error", "message").containsEntry("error", "not-found");
        }
    }

    @Test
    void theMerchantAnswersTheSurveyOnceWithAScoreFrom1To5(CapturedOutput output) {
        ResponseEntity<Map> reported = post(TICKETS, report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"),
                "Receipts are printed too faint to read."), null);
        String ticketNumber = (String) reported.getBody().get("ticketNumber");
        String token = (String) reported.getBody().get("accessToken");
        assertThat(survey(ticketNumber, token, 5, null).getStatusCode()).as("not yet sent").isEqualTo(HttpStatus.CONFLICT);

        ProcessInstance ticket = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).singleResult();
        executeJobAt(ticket, "Task_DiagnoseFault");
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO", REMOTE_SESSION_NOTES, "Adjusted print density.",
                REMOTE_RESOLVED, true));
        billAndCheckSoftware(ticket);
        executeJobAt(ticket, "Task_SendSurvey");
        assertThat((Map<String, Object>) get(ticketNumber, token).getBody().get("survey")).containsEntry("status", "OPEN");

        ResponseEntity<Map> tooHigh = survey(ticketNumber, token, 6, "great");
        assertThat(tooHigh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooHigh.getBody()).containsEntry("field", "score");

        // a score with a line break and a forged log line: refused, logged as one line that forges nothing
        int logged = output.getOut().length();
        String forged = "2026-12-02T10:00:00.000Z ERROR 1 --- [main] o.p.Security : FORGED administrator login";
        ResponseEntity<Map> forging = survey(ticketNumber, token, "5\r\n" + forged, null);
        assertThat(forging.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String written = output.getOut().substring(logged);
        assertThat(written.lines()).as("what the refusal logged").hasSizeLessThanOrEqualTo(2)
                .noneMatch(line -> line.startsWith(forged.substring(0, 20)));
        assertThat(written).contains("Input refused (merchant API): Field 'surveyScore'").contains("\\r\\n2026-12-02");
        assertThat(survey(ticketNumber, "guessed-token", 4, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> answered = survey(ticketNumber, token, 4, "Fixed within the hour.");
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(variable(ticket, SURVEY_SCORE)).isEqualTo(4);
        assertThat((Map<String, Object>) get(ticketNumber, token).getBody().get("survey"))
                .as("answered before the evaluation is recorded").containsEntry("status", "ANSWERED").containsEntry("score", 4);
        assertThat(survey(ticketNumber, token, 5, null).getStatusCode()).as("once only").isEqualTo(HttpStatus.CONFLICT);

        executeJobAt(ticket, "Task_RecordEvaluation");
        executeJobAt(ticket, "Task_CloseTicket");
        Map<String, Object> closed = get(ticketNumber, token).getBody();
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("stage", "CLOSED");
        assertThat((Map<String, Object>) closed.get("survey")).containsEntry("status", "ANSWERED").containsEntry("score", 4);

        // the link opens the closed ticket for 30 days, then no more
        java.time.Instant closedAt = registry.find(ticketNumber).orElseThrow().closedAt();
        setClock(closedAt.plus(java.time.Duration.ofDays(30)).minusSeconds(60));
        assertThat(get(ticketNumber, token).getStatusCode()).isEqualTo(HttpStatus.OK);
        setClock(closedAt.plus(java.time.Duration.ofDays(30)).plusSeconds(60));
        assertThat(get(ticketNumber, token).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((Map<String, Object>) closed.get("bill")).containsEntry("total", "0.00");
    }

    @Test
    void theMerchantPageIsServedByTheApplication() {
        ResponseEntity<String> page = http.getForEntity("/merchant/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(http.getForEntity("/merchant/merchant.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void assertInvalid(String field, Map<String, Object> report) {
        ResponseEntity<Map> response = post(TICKETS, report, null);
        assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsEntry("error", "invalid").containsEntry("field", field);
        // the field in words, then the reason; the reason alone in detail, for the page to show next to the field
        String detail = (String) response.getBody().get("detail");
        assertThat(detail).isNotBlank().doesNotContain("Field '");
        assertThat((String) response.getBody().get("message")).endsWith(": " + detail).doesNotStartWith(field + ":");
    }

    static Map<String, Object> report(String terminalSerial, String description) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("merchantId", MERCHANT);
        report.put("terminalSerial", terminalSerial);
        report.put("faultCategory", description.contains("card") ? "CARD_READER" : "PRINTER");
        report.put("description", description);
        report.put("contactPhone", "+86 21 5555 0101");
        return report;
    }

    private static Map<String, Object> with(Map<String, Object> report, String field, Object value) {
        report.put(field, value);
        return report;
    }

    /** A POST; a report goes with a session of the merchant it names, as from the merchant page after the code. */
    private ResponseEntity<Map> post(String url, Object body, String idempotencyKey) {
        HttpHeaders headers = json();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        if (url.equals(TICKETS) && body instanceof Map<?, ?> report) {
            headers.set(MerchantSessions.HEADER, sessions.computeIfAbsent((String) report.get("merchantId"),
                    merchant -> MerchantSessions.open(http, merchant)));
        }
        return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    private ResponseEntity<Map> get(String ticketNumber, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.set("X-Ticket-Token", token);
        }
        return http.exchange(TICKETS + "/" + ticketNumber, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    private ResponseEntity<Map> survey(String ticketNumber, String token, Object score, String comment) {
        HttpHeaders headers = json();
        headers.set("X-Ticket-Token", token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("score", score);
        answer.put("comment", comment);
        return http.exchange(TICKETS + "/" + ticketNumber + "/survey", HttpMethod.POST, new HttpEntity<>(answer, headers), Map.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
