package org.posmaintenance.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.posmaintenance.model.ModelContract.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Reporting a fault: from the start form (Java API) and through the engine REST API, and bad reports. */
class ReportFaultTest extends ProcessScenarioTest {

    private static final String START_URL = "/engine-rest/process-definition/key/" + PROCESS_ID + "/start";

    @Autowired
    TestRestTemplate http;

    @Test
    void badReportsAreRejectedNamingTheFieldAndLeaveNothingBehind() {
        long ticketsBefore = historyService.createHistoricProcessInstanceQuery().count();
        String numberBefore = startTicket(report()).getBusinessKey();

        assertRejectedReport(MERCHANT_ID, report -> report.remove(MERCHANT_ID));
        assertRejectedReport(MERCHANT_ID, report -> report.put(MERCHANT_ID, "M 1; DROP"));
        assertRejectedReport(FAULT_CATEGORY, report -> report.put(FAULT_CATEGORY, "COFFEE_MACHINE"));
        assertRejectedReport(FAULT_DESCRIPTION, report -> report.put(FAULT_DESCRIPTION, "broken"));
        assertRejectedReport(FAULT_DESCRIPTION, report -> report.put(FAULT_DESCRIPTION, "x".repeat(2001)));
        assertRejectedReport(MERCHANT_ID, report -> report.put(MERCHANT_ID, "M-999999"));
        assertRejectedReport(TERMINAL_SERIAL, report -> report.put(TERMINAL_SERIAL, "NO-SUCH-TERMINAL"));
        assertRejectedReport(TERMINAL_SERIAL, report -> report.put(TERMINAL_SERIAL, "NEW-N910-77001")); // another merchant's
        assertRejectedReport(REPORT_CHANNEL, report -> report.put(REPORT_CHANNEL, "CARRIER_PIGEON"));
        assertRejectedReport(CONTACT_PHONE, report -> report.put(CONTACT_PHONE, "call me maybe"));
        assertRejectedReport(PAYMENTS_BLOCKED, report -> report.put(PAYMENTS_BLOCKED, "maybe"));

        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(ticketsBefore + 1);
        String numberAfter = startTicket(report()).getBusinessKey();
        assertThat(sequence(numberAfter)).as("rejected reports use no ticket number").isEqualTo(sequence(numberBefore) + 1);
    }

    @Test
    void aClientStartsATicketThroughTheRestApiWithTheSameVariables() {
        ResponseEntity<Map> response = http.withBasicAuth("hana", "hana-demo")
                .postForEntity(START_URL, restStart(report()), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String ticketNumber = (String) response.getBody().get("businessKey");
        assertThat(ticketNumber).matches("SR-20261125-\\d{4}");
        String id = (String) response.getBody().get("id");
        assertThat(runtimeService.getVariable(id, TICKET_NUMBER)).isEqualTo(ticketNumber);
        assertThat(runtimeService.getVariable(id, MERCHANT_NAME)).isEqualTo("Lotus Tea House");
    }

    @Test
    void theRestApiRejectsABadReportWithA400NamingTheField() {
        Map<String, Object> report = report();
        report.put(TERMINAL_SERIAL, "?");
        ResponseEntity<Map> response = http.withBasicAuth("hana", "hana-demo")
                .postForEntity(START_URL, restStart(report), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message")).startsWith("Terminal serial number: ");
        assertThat(response.getBody().get("field")).isEqualTo(TERMINAL_SERIAL);
    }

    @Test
    void theRestApiRejectsABadTaskCompletionWithA400NamingTheField() {
        var ticket = ticketAwaitingDiagnosis(report());
        String taskId = taskService.createTaskQuery().processInstanceId(ticket.getId()).singleResult().getId();
        Map<String, Object> decision = Map.of(SEVERITY, "CATASTROPHIC", REPAIR_CHANNEL, "REMOTE", DIAGNOSIS_NOTES, "Checked.");

        ResponseEntity<Map> response = http.withBasicAuth("tom", "tom-demo")
                .postForEntity("/engine-rest/task/" + taskId + "/complete", restStart(decision), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message")).isEqualTo("Severity: 'CATASTROPHIC' is not one of the choices");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isEqualTo(1);
    }

    @Test
    void theRestApiNeedsAUserWhoMayReportFaults() {
        assertThat(http.postForEntity(START_URL, restStart(report()), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("nobody", "wrong").postForEntity(START_URL, restStart(report()), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("tom", "tom-demo").postForEntity(START_URL, restStart(report()), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void assertRejectedReport(String field, Consumer<Map<String, Object>> spoil) {
        Map<String, Object> report = report();
        spoil.accept(report);
        assertThatThrownBy(() -> startTicket(report))
                .isInstanceOf(InvalidTicketInputException.class)
                .hasMessageStartingWith("Field '" + field + "'");
    }

    private static int sequence(String ticketNumber) {
        return Integer.parseInt(ticketNumber.substring(ticketNumber.lastIndexOf('-') + 1));
    }

    private static HttpEntity<Map<String, Object>> restStart(Map<String, Object> report) {
        Map<String, Object> variables = new LinkedHashMap<>();
        report.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(Map.of("variables", variables), headers);
    }
}
