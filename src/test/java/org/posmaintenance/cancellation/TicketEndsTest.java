package org.posmaintenance.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.testing.MerchantSessions;
import org.posmaintenance.model.ModelResources;
import org.posmaintenance.ticket.TicketReconciliation;
import org.posmaintenance.ticket.TicketRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every way a ticket ends, through the paths people take: the merchant withdraws it (merchant API), the
 * hotline or a manager cancels it (starting TicketCancellation through REST, as Tasklist does), an
 * administrator deletes its process instance (REST, as Cockpit does, with and without custom listeners),
 * or its instance vanishes otherwise. Each time the ticket record closes and the terminal can be reported again.
 */
class TicketEndsTest extends ProcessScenarioTest {

    static final String TICKETS = "/api/merchant/tickets";
    static final String ADMIN = "ticketendsadmin";
    static final String ADMIN_PASSWORD = "ticket-ends-admin-password";

    @Autowired TestRestTemplate http;
    @Autowired TicketRegistry registry;
    @Autowired TicketReconciliation reconciliation;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;

    @AfterEach
    void removeAdministrator() {
        if (identityService.createUserQuery().userId(ADMIN).count() > 0) {
            identityService.deleteUser(ADMIN);
        }
    }

    // ------------------------------------------------------------------------------------------ the merchant

    @Test
    void theMerchantWithdrawsTheReportAndMayReportTheTerminalAgain() {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        Map<String, Object> reported = merchantReport(terminal);
        String ticketNumber = (String) reported.get("ticketNumber");
        String token = (String) reported.get("accessToken");
        ProcessInstance ticket = byNumber(ticketNumber);
        executeJobAt(ticket, "Task_DiagnoseFault");
        assertThat(status(ticketNumber, token)).containsEntry("canWithdraw", true);

        assertThat(withdraw(ticketNumber, "wrong-token", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> withdrawn = withdraw(ticketNumber, token, Map.of("reason", "Restarted it; it works again."));
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(withdrawn.getBody()).containsEntry("status", "CANCELLED");

        // the record closes with the request, before the ticket's own cancellation step has run
        TicketRegistry.Ticket record = registry.find(ticketNumber).orElseThrow();
        assertThat(record.outcome()).isEqualTo(TicketRegistry.Outcome.CANCELLED);
        assertThat(record.endedBy()).isEqualTo("merchant");
        assertThat(record.endReason()).isEqualTo("Restarted it; it works again.");
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).count()).as("tasks withdrawn").isZero();
        assertThat(timerAt(ticket, "BoundaryEvent_ResponseSlaBreached")).as("SLA timers gone").isNull();

        executeJobAt(ticket, "Task_CloseCancelledTicket");
        assertThat(notificationKinds(ticket)).containsExactly("TICKET_RECEIVED", "TICKET_CANCELLED");
        assertThat(ticket).hasPassed("EndEvent_TicketCancelled").isEnded();
        Map<String, Object> status = status(ticketNumber, token);
        assertThat(status).containsEntry("status", "CANCELLED").containsEntry("stage", "CANCELLED").containsEntry("canWithdraw", false);
        assertThat((Map<String, Object>) status.get("cancellation")).containsEntry("byMerchant", true)
                .containsEntry("reason", "Restarted it; it works again.");

        assertThat(withdraw(ticketNumber, token, null).getStatusCode()).as("twice").isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(TICKETS, reportBody(terminal), null).getStatusCode()).as("reported again").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aRepairedTerminalCannotBeWithdrawnAndAnOverlongReasonIsRefused() {
        Map<String, Object> reported = merchantReport(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"));
        String ticketNumber = (String) reported.get("ticketNumber");
        String token = (String) reported.get("accessToken");

        ResponseEntity<Map> overlong = withdraw(ticketNumber, token, Map.of("reason", "x".repeat(501)));
        assertThat(overlong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(overlong.getBody()).containsEntry("field", "reason");
        assertThat(registry.find(ticketNumber).orElseThrow().open()).isTrue();

        ProcessInstance ticket = byNumber(ticketNumber);
        executeJobAt(ticket, "Task_DiagnoseFault");
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO", REMOTE_SESSION_NOTES, "Fixed on a video call.",
                REMOTE_RESOLVED, true));
        billAndCheckSoftware(ticket);
        assertThat(status(ticketNumber, token)).containsEntry("canWithdraw", false);
        ResponseEntity<Map> late = withdraw(ticketNumber, token, null);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody()).containsEntry("error", "repair-done");
        assertThat(registry.find(ticketNumber).orElseThrow().open()).isTrue();
    }

    // ------------------------------------------------------------------------------------------ staff, from Tasklist

    @Test
    void theHotlineCancelsAMailInTicketAndTheRepairCentreSettlesTerminalAndLoaner() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "RENTAL")));
        confirmDiagnosis(ticket, "NORMAL", "MAIL_IN", false);
        complete(ticket, "Task_ReceiveTerminal", Map.of(LOANER_SERIAL, "LOAN-A920-021"));

        ResponseEntity<Map> cancelled = startCancellation("hana", "hana-demo", ticket.getBusinessKey(),
                "The merchant closed the shop for good.");
        assertThat(cancelled.getStatusCode()).as("%s", cancelled.getBody()).isEqualTo(HttpStatus.OK);
        TicketRegistry.Ticket record = registry.find(ticket.getBusinessKey()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(TicketRegistry.Outcome.CANCELLED);
        assertThat(record.endedBy()).isEqualTo("hana");
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CANCELLATION_PROCESS_ID)
                .processInstanceBusinessKey(ticket.getBusinessKey()).count()).as("the cancellation, findable by ticket").isEqualTo(1);

        executeJobAt(ticket, "Task_CloseCancelledTicket");
        assertThat(notificationKinds(ticket)).containsExactly("TICKET_RECEIVED", "LOANER_LENT", "TICKET_CANCELLED");
        assertThat(lastNotification(ticket)).contains("The merchant closed the shop for good.").contains("LOAN-A920-021");
        assertThat(ticket).isWaitingAt("Task_SettleCancelledRepair");
        assertThat(task()).hasCandidateGroup(REPAIR_CENTRE);

        assertRejected(ticket, "Task_SettleCancelledRepair", RETURN_SHIPPING_REFERENCE,
                () -> complete(ticket, "Task_SettleCancelledRepair", Map.of(LOANER_RETURNED, true)));
        assertRejected(ticket, "Task_SettleCancelledRepair", LOANER_RETURNED,
                () -> complete(ticket, "Task_SettleCancelledRepair", Map.of(RETURN_SHIPPING_REFERENCE, "SF5550001")));
        complete(ticket, "Task_SettleCancelledRepair", Map.of(RETURN_SHIPPING_REFERENCE, "SF5550001", LOANER_RETURNED, true));
        assertThat(ticket).hasPassed("EndEvent_CancelledRepairSettled").isEnded();
        assertThat(lendings.of(ticket.getBusinessKey()).orElseThrow().returnedAt()).isNotNull();
        assertThat(registry.find(ticket.getBusinessKey()).orElseThrow().outcome()).isEqualTo(TicketRegistry.Outcome.CANCELLED);
    }

    @Test
    void aManagerCancelsTooButNotATechnicianAndRefusalsNameTheField() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());

        // technicians do not even see the cancellation process
        assertThat(startCancellation("tom", "tom-demo", ticket.getBusinessKey(), "Technicians may not cancel.")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> unknown = startCancellation("hana", "hana-demo", "SR-20000101-0001", "No such ticket at all.");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).containsEntry("field", CANCEL_TICKET_NUMBER);
        ResponseEntity<Map> noReason = startCancellation("hana", "hana-demo", ticket.getBusinessKey(), "short");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody()).containsEntry("field", CANCEL_REASON);
        assertThat(registry.find(ticket.getBusinessKey()).orElseThrow().open()).as("nothing kept of a refusal").isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CANCELLATION_PROCESS_ID).count()).isZero();

        assertThat(startCancellation("mary", "mary-demo", ticket.getBusinessKey(), "Duplicate of an older ticket.")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(registry.find(ticket.getBusinessKey()).orElseThrow().endedBy()).isEqualTo("mary");
        ResponseEntity<Map> again = startCancellation("hana", "hana-demo", ticket.getBusinessKey(), "Cancel it a second time.");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) again.getBody().get("message")).contains("closed or cancelled already");
    }

    @Test
    void aTicketOnAVersionWithoutTheCancellationIsCancelledByEndingItsInstance() {
        // a version of the model without the cancellation sub-process, like those before 1.2.0
        Map<String, byte[]> models = new java.util.LinkedHashMap<>(ModelResources.load(getClass().getClassLoader()));
        models.put("PosTerminalMaintenance.bpmn", withoutCancellation(new String(models.get("PosTerminalMaintenance.bpmn"),
                java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var builder = repositoryService.createDeployment().name("model without cancellation");
        models.forEach((name, content) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(content)));
        var deployment = builder.deploy();
        try {
            String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
            Map<String, Object> reported = merchantReport(terminal);
            String ticketNumber = (String) reported.get("ticketNumber");
            ProcessInstance ticket = byNumber(ticketNumber);
            assertThat(repositoryService.getProcessDefinition(ticket.getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(deployment.getId());

            ResponseEntity<Map> withdrawn = withdraw(ticketNumber, (String) reported.get("accessToken"), null);
            assertThat(withdrawn.getStatusCode()).as("%s", withdrawn.getBody()).isEqualTo(HttpStatus.OK);
            TicketRegistry.Ticket record = registry.find(ticketNumber).orElseThrow();
            assertThat(record.outcome()).isEqualTo(TicketRegistry.Outcome.CANCELLED);
            assertThat(record.endedBy()).isEqualTo("merchant");
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId()).count()).isZero();
            assertThat(post(TICKETS, reportBody(terminal), null).getStatusCode()).as("reported again").isEqualTo(HttpStatus.CREATED);
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aSuspendedTicketIsNotCancelled() {
        Map<String, Object> reported = merchantReport(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE"));
        String ticketNumber = (String) reported.get("ticketNumber");
        ProcessInstance ticket = byNumber(ticketNumber);
        runtimeService.suspendProcessInstanceById(ticket.getId());

        ResponseEntity<Map> withdrawn = withdraw(ticketNumber, (String) reported.get("accessToken"), null);
        assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(withdrawn.getBody()).containsEntry("error", "ticket-suspended");
        ResponseEntity<Map> cancelled = startCancellation("hana", "hana-demo", ticketNumber, "The merchant asked us to stop.");
        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) cancelled.getBody().get("message")).contains("is suspended");
        assertThat(registry.find(ticketNumber).orElseThrow().open()).isTrue();
        runtimeService.activateProcessInstanceById(ticket.getId());
    }

    @Test
    void aTicketClosesWhenItsProcedureIsDoneEvenWithAManagersReviewStillOpen() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        Job extension = timerAt(ticket, "BoundaryEvent_ResolutionExtensionExceeded");
        setClock(extension.getDuedate().toInstant().plusSeconds(5));
        executeJobAt(ticket, "BoundaryEvent_ResolutionTargetMissed");
        executeJobAt(ticket, "BoundaryEvent_ResolutionExtensionExceeded");
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO", REMOTE_SESSION_NOTES, "Fixed on a video call.",
                REMOTE_RESOLVED, true));
        billAndCheckSoftware(ticket);
        executeJobAt(ticket, "Task_SendSurvey");
        complete(ticket, "Task_AnswerSurvey", Map.of(SURVEY_SCORE, 4));
        executeJobAt(ticket, "Task_RecordEvaluation");
        Instant closing = extension.getDuedate().toInstant().plusSeconds(5);
        executeJobAt(ticket, "Task_CloseTicket");
        assertThat(ticket).isWaitingAt("Task_ReviewOverdueRepair");

        TicketRegistry.Ticket record = registry.find(ticket.getBusinessKey()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(TicketRegistry.Outcome.CLOSED);
        assertThat(record.closedAt()).isEqualTo(closing);
        setClock(closing.plusSeconds(3600));
        complete(ticket, "Task_ReviewOverdueRepair", Map.of(MANAGER_DECISION, "Spoke to the technician."));
        assertThat(ticket).isEnded();
        assertThat(registry.find(ticket.getBusinessKey()).orElseThrow()).as("unchanged by the review's end").isEqualTo(record);
    }

    // ------------------------------------------------------------------------------------------ outside the model

    @ParameterizedTest(name = "skipCustomListeners={0}")
    @ValueSource(booleans = {false, true})
    void anAdministratorDeletesTheProcessInstanceAndTheRecordCloses(boolean skipCustomListeners) {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        ProcessInstance ticket = ticketAwaitingDiagnosis(report(terminal));
        createAdministrator();

        ResponseEntity<String> deleted = http.withBasicAuth(ADMIN, ADMIN_PASSWORD).exchange(
                "/engine-rest/process-instance/" + ticket.getId() + "?skipCustomListeners=" + skipCustomListeners,
                HttpMethod.DELETE, null, String.class);
        assertThat(deleted.getStatusCode()).as("%s", deleted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        TicketRegistry.Ticket record = registry.find(ticket.getBusinessKey()).orElseThrow();
        assertThat(record.open()).isFalse();
        assertThat(record.outcome()).isEqualTo(TicketRegistry.Outcome.DELETED);
        assertThat(record.endedBy()).isEqualTo(ADMIN);
        assertThat(startTicket(report(terminal)).getBusinessKey()).as("the terminal can be reported again").isNotNull();
    }

    @Test
    void aTicketWhoseInstanceVanishedIsClosedByTheReconciliation() {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        ProcessInstance ticket = ticketAwaitingDiagnosis(report(terminal));
        ProcessInstance other = ticketAwaitingDiagnosis(report());
        // as if the instance had been removed from the database behind the engine's back
        jdbc.update("UPDATE ticket SET process_instance_id = ? WHERE ticket_number = ?", "vanished-" + ticket.getId(),
                ticket.getBusinessKey());

        assertThat(reconciliation.reconcile()).isEqualTo(1);
        TicketRegistry.Ticket record = registry.find(ticket.getBusinessKey()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(TicketRegistry.Outcome.DELETED);
        assertThat(record.endReason()).contains("no longer exists");
        assertThat(registry.find(other.getBusinessKey()).orElseThrow().open()).as("running tickets untouched").isTrue();
        assertThat(reconciliation.reconcile()).as("once").isZero();
        jdbc.update("UPDATE ticket SET process_instance_id = ? WHERE ticket_number = ?", ticket.getId(), ticket.getBusinessKey());
    }

    @Test
    void aCompletedTicketIsClosed() {
        ProcessInstance ticket = ticketRepairedRemotely(report());
        answerSurvey(ticket, 5);
        executeJobAt(ticket, "Task_CloseTicket");
        TicketRegistry.Ticket record = registry.find(ticket.getBusinessKey()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(TicketRegistry.Outcome.CLOSED);
        assertThat(record.closedAt()).isEqualTo(WEDNESDAY_10_00);
        assertThat(record.endedBy()).isNull();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Map<String, Object> merchantReport(String terminal) {
        ResponseEntity<Map> reported = post(TICKETS, reportBody(terminal), null);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return reported.getBody();
    }

    private static Map<String, Object> reportBody(String terminal) {
        return Map.of("merchantId", MERCHANT, "terminalSerial", terminal, "faultCategory", "CARD_READER",
                "description", "The chip reader rejects every card since noon.");
    }

    private ResponseEntity<Map> withdraw(String ticketNumber, String token, Map<String, Object> body) {
        return post(TICKETS + "/" + ticketNumber + "/withdrawal", body == null ? Map.of() : body, token);
    }

    private Map<String, Object> status(String ticketNumber, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Ticket-Token", token);
        ResponseEntity<Map> status = http.exchange(TICKETS + "/" + ticketNumber, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        return status.getBody();
    }

    private ResponseEntity<Map> post(String path, Map<String, Object> body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.set("X-Ticket-Token", token);
        }
        if (path.equals(TICKETS)) {   // a report, from the merchant page after the merchant's code
            headers.set(MerchantSessions.HEADER, MerchantSessions.open(http, (String) body.get("merchantId")));
        }
        return http.postForEntity(path, new HttpEntity<>(body, headers), Map.class);
    }

    /** Starts the cancellation with its start form's fields, as Tasklist submits them. */
    private ResponseEntity<Map> startCancellation(String user, String password, String ticketNumber, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CANCEL_TICKET_NUMBER, Map.of("value", ticketNumber));
        variables.put(CANCEL_REASON, Map.of("value", reason));
        return http.withBasicAuth(user, password).postForEntity(
                "/engine-rest/process-definition/key/" + CANCELLATION_PROCESS_ID + "/submit-form",
                Map.of("variables", variables), Map.class);
    }

    private void createAdministrator() {
        User administrator = identityService.newUser(ADMIN);
        administrator.setPassword(ADMIN_PASSWORD);
        identityService.saveUser(administrator);
        identityService.createMembership(ADMIN, ADMINS);
    }

    private ProcessInstance byNumber(String ticketNumber) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber)
                .processDefinitionKey(PROCESS_ID).singleResult();
    }

    /** The model without its cancellation event sub-process (and its diagram elements). */
    private static String withoutCancellation(String bpmn) {
        int start = bpmn.indexOf("    <bpmn:subProcess id=\"SubProcess_Cancellation\"");
        int end = bpmn.indexOf("    </bpmn:subProcess>", start) + "    </bpmn:subProcess>\n".length();
        String block = bpmn.substring(start, end);
        String model = bpmn.substring(0, start) + bpmn.substring(end);
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(block);
        while (ids.find()) {
            model = model.replaceAll("(?s)      <bpmndi:BPMN(Shape|Edge) id=\"" + ids.group(1) + "_di\".*?</bpmndi:BPMN(Shape|Edge)>\n", "");
        }
        return model.replace("camunda:versionTag=\"1.2.4\"", "camunda:versionTag=\"1.1.9\"");
    }

    /** The message of the ticket's latest notification, as the journal recorded it. */
    private String lastNotification(ProcessInstance ticket) {
        var entries = journal.notifications(ticket.getBusinessKey());
        return entries.get(entries.size() - 1).message();
    }
}
