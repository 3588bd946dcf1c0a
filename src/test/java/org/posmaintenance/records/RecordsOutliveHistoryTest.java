package org.posmaintenance.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.testing.MerchantSessions;
import org.posmaintenance.testing.HistoryCleanup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A ticket's records outlive the engine's history: tickets are driven to their end through the merchant API and
 * the tasks, an administrator then gives their history a past removal time and runs the history cleanup through
 * the REST API, and the merchant page and the SLA report answer exactly as before. Then the records themselves go
 * when {@code pos.records.retention} has passed, and not before.
 */
class RecordsOutliveHistoryTest extends ProcessScenarioTest {

    private static final String TICKETS = "/api/merchant/tickets";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identityService;
    @Autowired RecordsRetention retention;

    /** Wednesday 16 June 2027, 10:00 in Shanghai: a week no other test reports tickets in. */
    private static final Instant START = Instant.parse("2027-06-16T02:00:00Z");

    @Test
    void theMerchantPageAndTheReportAreUnchangedAfterTheHistoryCleanup() {
        setClock(START);
        // Lotus Tea House reports a printer it dropped: out of warranty, bought
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-03-31", "PURCHASE");
        Reported printer = reportOnline(terminal, "PRINTER", "The terminal fell; the printer prints nothing.");
        ProcessInstance repaired = instance(printer.number());
        execute(repaired, "Task_DiagnoseFault");
        setClock(START.plus(Duration.ofMinutes(40)));
        // tom works the ticket in Tasklist (its REST API): claims each task and completes it with the form's fields
        completeAs("tom", repaired, TASK_CONFIRM_DIAGNOSIS, Map.of(SEVERITY, value("NORMAL"), REPAIR_CHANNEL, value("ON_SITE"),
                MERCHANT_CAUSED_DAMAGE, value(true), DIAGNOSIS_NOTES, value("Dropped on the floor; the print head is cracked.")));
        completeAs("tom", repaired, TASK_SCHEDULE_VISIT, Map.of(VISIT_APPOINTMENT, value("2027-06-16T15:00+08:00"),
                VISIT_ADDRESS, value("8 Nanjing Road")));
        setClock(Instant.parse("2027-06-16T08:00:00Z"));
        completeAs("tom", repaired, TASK_REPAIR_ON_SITE, Map.of(REPAIR_OUTCOME, value("REPAIRED"),
                REPAIR_REPORT, value("Replaced the print head."),
                PARTS_REPLACED, Map.of("value", "[\"PRINTER_HEAD\"]", "type", "Json")));
        billAndCheckSoftware(repaired);
        execute(repaired, "Task_SendSurvey");
        assertThat(post(TICKETS + "/" + printer.number() + "/survey", printer.token(),
                Map.of("score", 4, "comment", "The technician came the same afternoon.")).getStatusCode()).isEqualTo(HttpStatus.OK);
        execute(repaired, "Task_RecordEvaluation");
        execute(repaired, "Task_CloseTicket");
        assertThat(repaired).isEnded();

        // a second terminal works again before anyone looked at it: the merchant withdraws the report
        setClock(Instant.parse("2027-06-16T09:00:00Z"));
        Reported withdrawn = reportOnline(newTerminal(MERCHANT, "3.4.0", "2028-06-30", "PURCHASE"), "NETWORK",
                "No connection since the router was changed.");
        ProcessInstance cancelled = instance(withdrawn.number());
        assertThat(post(TICKETS + "/" + withdrawn.number() + "/withdrawal", withdrawn.token(), Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        execute(cancelled, "Task_CloseCancelledTicket");
        assertThat(cancelled).isEnded();

        setClock(Instant.parse("2027-06-17T02:00:00Z"));
        String period = "/api/reports/sla?from=2027-06-14&to=2027-06-21";
        JsonNode reportBefore = asManager(period);
        JsonNode printerBefore = page(printer);
        JsonNode withdrawnBefore = page(withdrawn);
        JsonNode recordBefore = asManager("/api/tickets/" + printer.number());
        // what the merchant and the manager see is the real thing, not an empty page
        assertThat(printerBefore.at("/bill/total").asText()).isEqualTo("280.00");
        assertThat(printerBefore.at("/bill/lines").size()).isEqualTo(2);
        assertThat(printerBefore.at("/survey/status").asText()).isEqualTo("ANSWERED");
        assertThat(printerBefore.at("/notifications").findValuesAsText("kind"))
                .containsExactly("TICKET_RECEIVED", "VISIT_AGREED", "SURVEY_SENT", "TICKET_CLOSED");
        assertThat(withdrawnBefore.at("/status").asText()).isEqualTo("CANCELLED");
        assertThat(reportBefore.at("/tickets")).hasToString("{\"reported\":2,\"open\":0,\"closed\":1,\"cancelled\":1}");
        assertThat(reportBefore.at("/billing/billedTotal").asText()).isEqualTo("280.00");
        assertThat(reportBefore.at("/survey/answered").asInt()).isEqualTo(1);
        assertThat(reportBefore.at("/compliance/overall/response/met").asInt()).isEqualTo(1);
        assertThat(reportBefore.at("/times/respond/overall/clockHours/mean").asDouble()).isEqualTo(0.67);
        // the staff's view of the whole record: who did what, and what they entered
        assertThat(recordBefore.at("/ticket/responder").asText()).isEqualTo("tom");
        assertThat(recordBefore.at("/repairWork/0/outcome").asText()).isEqualTo("REPAIRED");
        assertThat(recordBefore.at("/bill/priceListVersion").asText()).isEqualTo("2026-12");
        assertThat(recordBefore.at("/taskEntries").findValuesAsText("taskKey"))
                .containsExactly("Task_ConfirmDiagnosis", "Task_ScheduleVisit", "Task_RepairOnSite", "Task_AnswerSurvey");
        assertThat(recordBefore.at("/taskEntries/2/fields/repairReport").asText()).isEqualTo("Replaced the print head.");
        assertThat(http.withBasicAuth("tom", "tom-demo").getForEntity("/api/tickets/" + printer.number(), String.class)
                .getStatusCode()).as("a technician").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/tickets/" + printer.number(), String.class).getStatusCode())
                .as("no login").isEqualTo(HttpStatus.UNAUTHORIZED);

        new HistoryCleanup(http, identityService, managementService, historyService)
                .forget(List.of(repaired.getId(), cancelled.getId()), Instant.parse("2027-06-17T02:00:00Z"));

        assertThat(page(printer)).isEqualTo(printerBefore);
        assertThat(page(withdrawn)).isEqualTo(withdrawnBefore);
        assertThat(asManager(period)).isEqualTo(reportBefore);
        assertThat(asManager("/api/tickets/" + printer.number())).isEqualTo(recordBefore);

        // the merchant's link opens the ended ticket for 30 days (pos.merchant.token-valid-after-close), then no more
        setClock(Instant.parse("2027-07-16T07:00:00Z"));
        assertThat(page(printer)).isEqualTo(printerBefore);
        setClock(Instant.parse("2027-07-17T02:00:00Z"));
        assertThat(get(TICKETS + "/" + printer.number(), printer.token()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // ten years on, the records go too; a day earlier they are still there
        setClock(Instant.parse("2037-06-16T08:00:00Z"));
        retention.deleteExpired();
        assertThat(asManager("/api/tickets/" + printer.number())).isEqualTo(recordBefore);
        setClock(Instant.parse("2037-06-17T02:00:00Z"));
        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(2);
        assertThat(http.withBasicAuth("mary", "mary-demo").getForEntity("/api/tickets/" + printer.number(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_bill_line WHERE ticket_number = ?", Integer.class,
                printer.number())).isZero();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private record Reported(String number, String token) {
    }

    private Reported reportOnline(String terminal, String category, String description) {
        Map<String, Object> report = new HashMap<>();
        report.put("merchantId", MERCHANT);
        report.put("terminalSerial", terminal);
        report.put("faultCategory", category);
        report.put("description", description);
        report.put("contactPhone", "+86 21 5555 0101");
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set(MerchantSessions.HEADER, MerchantSessions.open(http, MERCHANT));
        ResponseEntity<JsonNode> answer = http.postForEntity(TICKETS, new org.springframework.http.HttpEntity<>(report, headers), JsonNode.class);
        assertThat(answer.getStatusCode()).as("report: " + answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return new Reported(answer.getBody().get("ticketNumber").asText(), answer.getBody().get("accessToken").asText());
    }

    /** The running process instance of the ticket. */
    private ProcessInstance instance(String ticketNumber) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).singleResult();
        assertThat(instance).as("running ticket " + ticketNumber).isNotNull();
        return instance;
    }

    /** As Tasklist does it: the user claims the task, then completes it with the form's fields. */
    private void completeAs(String user, ProcessInstance ticket, String taskKey, Map<String, Object> variables) {
        String task = taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(taskKey).singleResult().getId();
        TestRestTemplate as = http.withBasicAuth(user, user + "-demo");
        assertThat(as.postForEntity("/engine-rest/task/" + task + "/claim", Map.of("userId", user), String.class).getStatusCode())
                .as("claim " + taskKey).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> completed = as.postForEntity("/engine-rest/task/" + task + "/complete", Map.of("variables", variables),
                String.class);
        assertThat(completed.getStatusCode()).as("complete " + taskKey + ": " + completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private void execute(ProcessInstance ticket, String activityId) {
        executeJobAt(ticket, activityId);
    }

    private JsonNode page(Reported ticket) {
        ResponseEntity<JsonNode> answer = get(TICKETS + "/" + ticket.number(), ticket.token());
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode asManager(String url) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth("mary", "mary-demo").getForEntity(url, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private ResponseEntity<JsonNode> get(String url, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Ticket-Token", token);
        return http.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String url, String token, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Ticket-Token", token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
