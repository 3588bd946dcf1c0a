package org.posmaintenance.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.posmaintenance.model.ModelContract.*;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.testing.WebappSession;
import org.posmaintenance.ticket.TicketTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * People write a ticket only through their tasks' forms ({@link VariableWriteGuard}): the four attacks found
 * on the demo through REST are refused, naming the variable, and leave the ticket as it was; every other
 * way to write a variable is refused too; the legitimate ways (a task's form fields through the engine REST
 * API and through Tasklist's API, the start form, the merchant API, an administrator) still work.
 */
class VariableWriteGuardTest extends ProcessScenarioTest {

    private static final String ADMIN = "guardtestadmin";
    private static final String ADMIN_PASSWORD = "guard-test-admin-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Variables the attacks found on the demo wrote; the facts they forged are now records, never variables. */
    private static final String NOTIFICATIONS = "notifications";
    private static final String BILL = "bill";

    @Autowired TestRestTemplate http;
    @Autowired TicketTokens tokens;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @LocalServerPort int port;

    @AfterEach
    void removeAdministrator() {
        if (identityService.createUserQuery().userId(ADMIN).count() > 0) {
            identityService.deleteUser(ADMIN);
        }
    }

    // ------------------------------------------------------------------------------------ the four attacks

    @Test
    void aTechnicianCannotMoveTheResponseDeadline() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        Task task = task(ticket, TASK_CONFIRM_DIAGNOSIS);
        Object responseDue = variable(ticket, RESPONSE_DUE);
        Date taskDue = task.getDueDate();
        Instant recordedDue = record(ticket).responseDue();

        ResponseEntity<Map> refused = as("tom").exchange("/engine-rest/task/" + task.getId() + "/variables/" + RESPONSE_DUE,
                HttpMethod.PUT, json(Map.of("value", "2000-01-01T00:00:00.000+0000", "type", "Date")), Map.class);

        assertForbidden(refused, RESPONSE_DUE);
        assertThat(variable(ticket, RESPONSE_DUE)).as("the deadline").isEqualTo(responseDue);
        assertThat(task(ticket, TASK_CONFIRM_DIAGNOSIS).getDueDate()).as("the task's due date").isEqualTo(taskDue);
        assertThat(record(ticket).responseDue()).as("the deadline in the ticket's record").isEqualTo(recordedDue);

        // the task's local variables and the process instance's are no way round
        assertForbidden(as("tom").exchange("/engine-rest/task/" + task.getId() + "/localVariables/" + RESPONSE_DUE,
                HttpMethod.PUT, json(Map.of("value", "2000-01-01T00:00:00.000+0000", "type", "Date")), Map.class), RESPONSE_DUE);
        assertForbidden(as("tom").exchange("/engine-rest/process-instance/" + ticket.getId() + "/variables/" + RESPONSE_DUE,
                HttpMethod.PUT, json(Map.of("value", "2000-01-01T00:00:00.000+0000", "type", "Date")), Map.class), RESPONSE_DUE);
        // nor completing the task with it
        ResponseEntity<Map> completion = as("tom").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                completion(diagnosis("REMOTE"), Map.of(RESPONSE_DUE, Map.of("value", "2000-01-01T00:00:00.000+0000",
                        "type", "Date"))), Map.class);
        assertNotAFormField(completion, RESPONSE_DUE, "the form of Task_ConfirmDiagnosis (confirm-diagnosis)");
        assertThat(variable(ticket, RESPONSE_DUE)).isEqualTo(responseDue);
        BpmnAwareTests.assertThat(ticket).isWaitingAt(TASK_CONFIRM_DIAGNOSIS);
    }

    @Test
    void theHotlineCannotChangeTheMerchantThroughTheSurvey() {
        ProcessInstance ticket = ticketAwaitingSurvey();
        String ticketNumber = (String) variable(ticket, TICKET_NUMBER);
        String token = tokens.issue(ticketNumber);
        Map<String, Object> pageBefore = merchantPage(ticketNumber, token);
        Task survey = task(ticket, TASK_ANSWER_SURVEY);

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(SURVEY_SCORE, Map.of("value", 5));
        variables.put(SURVEY_COMMENT, Map.of("value", "Great."));
        variables.put(MERCHANT_ID, Map.of("value", "M-100232"));
        ResponseEntity<Map> refused = as("hana").postForEntity("/engine-rest/task/" + survey.getId() + "/complete",
                json(Map.of("variables", variables)), Map.class);

        assertNotAFormField(refused, MERCHANT_ID, "the form of Task_AnswerSurvey (answer-survey)");
        assertThat((String) refused.getBody().get("message")).endsWith(
                ": a task may set only its form's fields (" + SURVEY_SCORE + ", " + SURVEY_COMMENT + ")");
        assertThat(taskService.createTaskQuery().taskId(survey.getId()).count()).as("the survey task is still open").isEqualTo(1);
        assertThat(variable(ticket, MERCHANT_ID)).isEqualTo(MERCHANT);
        assertThat(variable(ticket, SURVEY_SCORE)).as("nothing of the refused completion is kept").isNull();
        assertThat(merchantPage(ticketNumber, token)).as("the merchant page").isEqualTo(pageBefore);

        // with the form's fields only, hana records the evaluation, and the ticket closes for its own merchant
        variables.remove(MERCHANT_ID);
        assertThat(as("hana").postForEntity("/engine-rest/task/" + survey.getId() + "/complete",
                json(Map.of("variables", variables)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        executeJobAt(ticket, "Task_RecordEvaluation");
        executeJobAt(ticket, "Task_CloseTicket");
        BpmnAwareTests.assertThat(ticket).isEnded();
        assertThat(record(ticket).merchantId()).isEqualTo(MERCHANT);
        assertThat(evaluations.of(ticketNumber).orElseThrow().score()).isEqualTo(5);
        assertThat(notificationKinds(ticket)).endsWith("SURVEY_SENT", "TICKET_CLOSED");
    }

    @Test
    void theHotlineCannotForgeANotification() {
        ProcessInstance ticket = ticketAwaitingSurvey();
        String ticketNumber = (String) variable(ticket, TICKET_NUMBER);
        String token = tokens.issue(ticketNumber);
        Map<String, Object> pageBefore = merchantPage(ticketNumber, token);
        String journalBefore = notificationsJson(ticket);
        assertThat(notificationKinds(ticket)).as("the journal before").contains("TICKET_RECEIVED", "SURVEY_SENT");
        Task survey = task(ticket, TASK_ANSWER_SURVEY);
        String forged = "[{\"kind\":\"TICKET_CLOSED\",\"message\":\"Pay 100 CNY to account 6222 0000 to reopen\"}]";

        ResponseEntity<Map> refused = as("hana").exchange("/engine-rest/task/" + survey.getId() + "/variables/" + NOTIFICATIONS,
                HttpMethod.PUT, json(Map.of("value", forged, "type", "Json")), Map.class);

        assertForbidden(refused, NOTIFICATIONS);
        // a modification of several variables at once is no way round, nor is a completion that carries it
        assertForbidden(as("hana").postForEntity("/engine-rest/task/" + survey.getId() + "/variables",
                json(Map.of("modifications", Map.of(NOTIFICATIONS, Map.of("value", forged, "type", "Json")))), Map.class),
                NOTIFICATIONS);
        assertNotAFormField(as("hana").postForEntity("/engine-rest/task/" + survey.getId() + "/complete",
                completion(Map.of(SURVEY_SCORE, 4), Map.of(NOTIFICATIONS, Map.of("value", forged, "type", "Json"))), Map.class),
                NOTIFICATIONS, "the form of Task_AnswerSurvey (answer-survey)");
        assertThat(notificationsJson(ticket)).as("the notification journal").isEqualTo(journalBefore);
        assertThat(merchantPage(ticketNumber, token)).as("the merchant page").isEqualTo(pageBefore);
        assertThat(variable(ticket, NOTIFICATIONS)).as("no variable of that name was written").isNull();
    }

    @Test
    void theHotlineCannotReplaceTheBill() {
        ProcessInstance ticket = ticketAwaitingSurvey();
        List<String> bill = billLines(ticket);
        Task survey = task(ticket, TASK_ANSWER_SURVEY);

        ResponseEntity<Map> refused = as("hana").exchange("/engine-rest/task/" + survey.getId() + "/variables/" + BILL,
                HttpMethod.PUT, json(Map.of("value", "free of charge", "type", "String")), Map.class);

        assertForbidden(refused, BILL);
        assertForbidden(as("hana").exchange("/engine-rest/task/" + survey.getId() + "/variables/" + BILL,
                HttpMethod.DELETE, null, Map.class), BILL);
        assertThat(billLines(ticket)).as("the bill").isEqualTo(bill);
        assertThat(bill(ticket).total()).as("the bill's total").isEqualByComparingTo("0.00");
        assertThat(variable(ticket, BILL)).as("no variable of that name").isNull();
        assertThat(http.withBasicAuth("mary", "mary-demo").getForEntity("/api/reports/sla", String.class).getStatusCode())
                .as("the report").isEqualTo(HttpStatus.OK);
    }

    // ---------------------------------------------------------------------------- every other way round

    @Test
    void everyOtherWayToWriteAVariableIsRefusedForTaskHolders() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        Task task = task(ticket, TASK_CONFIRM_DIAGNOSIS);
        String execution = ticket.getId();
        Map<String, Object> bill = Map.of(BILL, Map.of("value", "free", "type", "String"));
        record Attempt(HttpMethod method, String path, Object body, String field) {
        }
        List<Attempt> attempts = List.of(
                new Attempt(HttpMethod.POST, "/engine-rest/process-instance/" + ticket.getId() + "/variables",
                        Map.of("modifications", bill), BILL),
                new Attempt(HttpMethod.DELETE, "/engine-rest/process-instance/" + ticket.getId() + "/variables/" + MERCHANT_ID,
                        null, MERCHANT_ID),
                new Attempt(HttpMethod.PUT, "/engine-rest/execution/" + execution + "/localVariables/" + BILL,
                        Map.of("value", "free"), BILL),
                new Attempt(HttpMethod.POST, "/engine-rest/process-instance/variables-async",
                        Map.of("processInstanceIds", List.of(ticket.getId()), "variables", bill), BILL),
                new Attempt(HttpMethod.POST, "/engine-rest/engine/default/task/" + task.getId() + "/variables/" + BILL,
                        Map.of("value", "free"), BILL),
                new Attempt(HttpMethod.POST, "/engine-rest/message",
                        Map.of("messageName", MSG_CANCELLATION_REQUESTED, "businessKey", ticket.getBusinessKey(),
                                "processVariables", bill), BILL),
                new Attempt(HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything", "variables", bill), BILL),
                new Attempt(HttpMethod.POST, "/engine-rest/process-instance/" + ticket.getId() + "/modification",
                        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_BillParts",
                                "variables", bill))), BILL),
                new Attempt(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/bpmnError",
                        Map.of("errorCode", ERROR_BEYOND_REPAIR), null),
                new Attempt(HttpMethod.POST, "/engine-rest/process-definition/key/" + PROCESS_ID + "/start",
                        Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_BillParts"))),
                        null));
        for (Attempt attempt : attempts) {
            ResponseEntity<Map> answer = as("hana").exchange(attempt.path(), attempt.method(),
                    attempt.body() == null ? null : json(attempt.body()), Map.class);
            assertThat(answer.getStatusCode()).as("%s %s: %s", attempt.method(), attempt.path(), answer.getBody())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            if (attempt.field() != null) {
                assertThat(answer.getBody()).as("%s %s", attempt.method(), attempt.path()).containsEntry("field", attempt.field());
            }
        }
        assertThat(variable(ticket, BILL)).isNull();
        assertThat(variable(ticket, MERCHANT_ID)).isEqualTo(MERCHANT);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticket.getBusinessKey()).count())
                .isEqualTo(1);
        BpmnAwareTests.assertThat(ticket).isWaitingAt(TASK_CONFIRM_DIAGNOSIS);
        // reading is no writing: the task's variables are there for its holder
        assertThat(as("tom").getForEntity("/engine-rest/task/" + task.getId() + "/variables/" + MERCHANT_ID, Map.class).getBody())
                .containsEntry("value", MERCHANT);
    }

    @Test
    void theEngineGivesCandidatesTaskWorkNotUpdate() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        Task task = task(ticket, TASK_CONFIRM_DIAGNOSIS);
        var grant = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                .groupIdIn(TECHNICIANS).singleResult();
        assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();

        // behind the REST API too, a technician may not set the task's variables, nor its due date
        identityService.setAuthentication("tom", List.of(TECHNICIANS));
        try {
            assertThatThrownBy(() -> taskService.setVariable(task.getId(), RESPONSE_DUE, new Date(0)))
                    .isInstanceOf(AuthorizationException.class);
            assertThatThrownBy(() -> taskService.setDueDate(task.getId(), new Date(0))).isInstanceOf(AuthorizationException.class);
            taskService.claim(task.getId(), "tom");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(task(ticket, TASK_CONFIRM_DIAGNOSIS).getAssignee()).isEqualTo("tom");
    }

    // -------------------------------------------------------------------------------- legitimate use

    @Test
    void aTechnicianWorksATicketThroughTheRestApiWithTheFormsFields() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report(newTerminal(MERCHANT, "3.4.0", "2025-12-31", "RENTAL")));
        TestRestTemplate tom = as("tom");

        // as a candidate, without claiming it first
        assertThat(tom.postForEntity("/engine-rest/task/" + task(ticket, TASK_CONFIRM_DIAGNOSIS).getId() + "/complete",
                completion(diagnosis("ON_SITE"), Map.of()), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(variable(ticket, SEVERITY)).isEqualTo("MAJOR");
        assertThat(variable(ticket, MERCHANT_CAUSED_DAMAGE)).isEqualTo(true);

        // a date-time field, as Tasklist sends it
        String visit = task(ticket, TASK_SCHEDULE_VISIT).getId();
        tom.postForEntity("/engine-rest/task/" + visit + "/claim", json(Map.of("userId", "tom")), String.class);
        assertThat(tom.postForEntity("/engine-rest/task/" + visit + "/submit-form", completion(Map.of(
                VISIT_APPOINTMENT, "2026-11-25T15:00", VISIT_ADDRESS, "8 Nanjing Road"), Map.of()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(variable(ticket, VISIT_AT)).isEqualTo(Date.from(Instant.parse("2026-11-25T07:00:00Z")));

        // a tag list, as Tasklist sends it: JSON
        Map<String, Object> repair = new LinkedHashMap<>();
        repair.put(REPAIR_OUTCOME, Map.of("value", "REPAIRED"));
        repair.put(REPAIR_REPORT, Map.of("value", "Replaced the printer head; test payment printed."));
        repair.put(PARTS_REPLACED, Map.of("value", "[\"PRINTER_HEAD\"]", "type", "Json"));
        assertThat(tom.postForEntity("/engine-rest/task/" + task(ticket, TASK_REPAIR_ON_SITE).getId() + "/complete",
                json(Map.of("variables", repair)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        executeJobAt(ticket, "Task_BillParts");
        assertThat(billLines(ticket)).containsExactly("PART PRINTER_HEAD 180.00 CHARGED", "SERVICE ON_SITE 100.00 CHARGED");
    }

    @Test
    void theHotlineStartsATicketWithTheStartFormsFieldsOnly() {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        long ticketsBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count();
        Map<String, Object> variables = new LinkedHashMap<>();
        report(terminal).forEach((name, value) -> variables.put(name, Map.of("value", value)));
        variables.put(RESPONSE_DUE, Map.of("value", "2030-01-01T00:00:00.000+0000", "type", "Date"));
        String start = "/engine-rest/process-definition/key/" + PROCESS_ID + "/start";

        ResponseEntity<Map> refused = as("hana").postForEntity(start, json(Map.of("variables", variables)), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("type", "InvalidStartVariableException").containsEntry("field", RESPONSE_DUE);
        assertThat((String) refused.getBody().get("message")).startsWith("Variable '" + RESPONSE_DUE
                + "' is not a field of the start form of " + PROCESS_ID + " (report-fault)");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID).count()).isEqualTo(ticketsBefore);

        variables.remove(RESPONSE_DUE);
        ResponseEntity<Map> started = as("hana").postForEntity(start, json(Map.of("variables", variables)), Map.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) started.getBody().get("businessKey")).startsWith("SR-");
    }

    @Test
    void anAdministratorMaySetAVariable() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        User administrator = identityService.newUser(ADMIN);
        administrator.setPassword(ADMIN_PASSWORD);
        identityService.saveUser(administrator);
        identityService.createMembership(ADMIN, ADMINS);

        ResponseEntity<String> set = http.withBasicAuth(ADMIN, ADMIN_PASSWORD).exchange(
                "/engine-rest/process-instance/" + ticket.getId() + "/variables/" + VISIT_ADDRESS,
                HttpMethod.PUT, json(Map.of("value", "12 Huaihai Road")), String.class);

        assertThat(set.getStatusCode()).as("%s", set.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(variable(ticket, VISIT_ADDRESS)).isEqualTo("12 Huaihai Road");
    }

    // -------------------------------------------------------------------- the web applications' engine API

    @Test
    void tasklistsApiRefusesAnExtraVariableToo() throws Exception {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        Task task = task(ticket, TASK_CONFIRM_DIAGNOSIS);
        Object responseDue = variable(ticket, RESPONSE_DUE);
        WebappSession tasklist = WebappSession.logIn("http://localhost:" + port, "tasklist", "tom", "tom-demo");
        String api = "/camunda/api/engine/engine/default/task/" + task.getId();

        Map<String, Object> variables = new LinkedHashMap<>(diagnosis("REMOTE"));
        variables.put(RESPONSE_DUE, Map.of("value", "2000-01-01T00:00:00.000+0000", "type", "Date"));
        HttpResponse<String> refused = tasklist.send("POST", api + "/submit-form", JSON.writeValueAsString(Map.of("variables", variables)), "application/json");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("field").asText()).isEqualTo(RESPONSE_DUE);
        assertThat(body.path("message").asText()).startsWith("Variable '" + RESPONSE_DUE
                + "' is not a field of the form of Task_ConfirmDiagnosis (confirm-diagnosis)");

        HttpResponse<String> put = tasklist.send("PUT", api + "/variables/" + RESPONSE_DUE,
                JSON.writeValueAsString(Map.of("value", "2000-01-01T00:00:00.000+0000", "type", "Date")), "application/json");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
        assertThat(JSON.readTree(put.body()).path("field").asText()).isEqualTo(RESPONSE_DUE);
        assertThat(variable(ticket, RESPONSE_DUE)).isEqualTo(responseDue);
        BpmnAwareTests.assertThat(ticket).isWaitingAt(TASK_CONFIRM_DIAGNOSIS);

        // the form's fields, as Tasklist submits them
        HttpResponse<String> submitted = tasklist.send("POST", api + "/submit-form", JSON.writeValueAsString(Map.of("variables", diagnosis("REMOTE"))), "application/json");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        BpmnAwareTests.assertThat(ticket).isWaitingAt(TASK_REMOTE_SUPPORT);
        assertThat(variable(ticket, RESPONSE_DUE)).isEqualTo(responseDue);
    }

    // ---------------------------------------------------------------------------------------- helpers

    private ProcessInstance ticketAwaitingSurvey() {
        ProcessInstance ticket = ticketRepairedRemotely(report());
        executeJobAt(ticket, "Task_SendSurvey");
        BpmnAwareTests.assertThat(ticket).isWaitingAt(TASK_ANSWER_SURVEY);
        return ticket;
    }

    private Task task(ProcessInstance ticket, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task " + key).isNotNull();
        return task;
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-demo");
    }

    /** Confirm diagnosis's form fields: a major fault the merchant caused, by this channel. */
    private static Map<String, Object> diagnosis(String channel) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(SEVERITY, Map.of("value", "MAJOR"));
        variables.put(REPAIR_CHANNEL, Map.of("value", channel));
        variables.put(DIAGNOSIS_NOTES, Map.of("value", "The printer was dropped; its head is cracked."));
        variables.put(MERCHANT_CAUSED_DAMAGE, Map.of("value", true));
        return variables;
    }

    /** A completion's body: these variables (already REST values or plain values), then the extra ones. */
    private static HttpEntity<Map<String, Object>> completion(Map<String, Object> fields, Map<String, Object> extra) {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, value instanceof Map ? value : Map.of("value", value)));
        variables.putAll(extra);
        return json(Map.of("variables", variables));
    }

    private static <T> HttpEntity<T> json(T body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static void assertForbidden(ResponseEntity<Map> answer, String variable) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).containsEntry("type", "AuthorizationException").containsEntry("field", variable);
        assertThat((String) answer.getBody().get("message")).startsWith("Variable '" + variable + "' may not be written")
                .contains("only administrators (camunda-admin)");
    }

    private static void assertNotAFormField(ResponseEntity<Map> answer, String variable, String form) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).containsEntry("type", "InvalidTaskVariableException").containsEntry("field", variable);
        assertThat((String) answer.getBody().get("message")).startsWith("Variable '" + variable + "' is not a field of " + form
                + ": a task may set only its form's fields");
    }

    private Map<String, Object> merchantPage(String ticketNumber, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Ticket-Token", token);
        ResponseEntity<Map> page = http.exchange("/api/merchant/tickets/" + ticketNumber, HttpMethod.GET,
                new HttpEntity<>(headers), Map.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    /** The ticket's notification journal, entry by entry. */
    private String notificationsJson(ProcessInstance ticket) {
        return journal.notifications(ticket.getBusinessKey()).toString();
    }
}
