package org.posmaintenance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.testing.HistoryCleanup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The managers' report over HTTP: a week of tickets with known timings gives exact figures, the same after the
 * history cleanup removed the ended tickets' history; only
 * managers (and administrators) may read it; bad periods are refused naming the field.
 */
class SlaReportTest extends ProcessScenarioTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String REPORT = "/api/reports/sla";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired IdentityService identityService;

    /**
     * The week of Monday 1 March 2027 (Shanghai), reported on Tuesday 9 March 12:00:
     * <pre>
     * A  Mon 09:00 normal, tom answers 09:30, on site in warranty (2 rollers), repaired 11:00; survey 5
     * B  Mon 20:00 urgent, tina answers 23:00 (due 21:00), on site out of warranty (chip reader), repaired Tue 10:00
     *    (due 07:00); survey expires unanswered
     * C  Tue 10:00 normal, tom answers 14:00, mail-in: rita receives the terminal and lends a loaner Wed 10:00, repairs
     *    Thu, the loaner is still out; resolution due Fri 14:00, moved by the 6 service hours the terminal was in the
     *    post (SLA pause Tue 14:00 to Wed 10:00) to Mon 10:00
     * E  Wed 09:00 cancelled at 09:10, before the diagnosis
     * H  Wed 11:00 normal, tina answers 11:15, remote fix 12:00; survey 2, mary follows up
     * D  Fri 17:00 normal, still waiting for the first response (due Sat 17:00, 24 hours of the report: missed)
     * and one ticket just before the week (Sun 23:59) and one at its end (Mon 8 March 00:00), not in the report.
     * </pre>
     */
    @Test
    void aWeekOfTicketsGivesExactComplianceTimesSurveyLoanersAndBilling() {
        setClock(at("2027-02-28T23:59"));
        startTicket(report());

        setClock(at("2027-03-01T09:00"));
        ProcessInstance a = ticketAwaitingDiagnosis(report());
        setClock(at("2027-03-01T09:30"));
        confirmAs("tom", a, "NORMAL", "ON_SITE");
        setClock(at("2027-03-01T09:40"));
        completeAs("tom", a, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2027-03-01T10:30+08:00", VISIT_ADDRESS, "8 Nanjing Road"));
        setClock(at("2027-03-01T11:00"));
        completeAs("tom", a, "Task_RepairOnSite", Map.of(REPAIR_REPORT, "Replaced both printer rollers.",
                PARTS_REPLACED, SpinValues.jsonValue("[\"PRINTER_ROLLER\",\"PRINTER_ROLLER\"]").create()));
        billAndCheckSoftware(a);
        setClock(at("2027-03-01T11:30"));
        answerSurvey(a, 5);
        executeJobAt(a, "Task_CloseTicket");

        setClock(at("2027-03-01T20:00"));
        Map<String, Object> terminalDown = report(newTerminal(MERCHANT, "3.4.0", "2026-12-31", "RENTAL"));
        terminalDown.put(FAULT_CATEGORY, "TERMINAL_DOWN");
        terminalDown.put(PAYMENTS_BLOCKED, true);
        ProcessInstance b = ticketAwaitingDiagnosis(terminalDown);
        setClock(at("2027-03-01T23:00"));
        confirmAs("tina", b, "URGENT", "ON_SITE");
        setClock(at("2027-03-01T23:30"));
        completeAs("tina", b, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2027-03-02T09:00+08:00", VISIT_ADDRESS, "8 Nanjing Road"));
        setClock(at("2027-03-02T10:00"));
        completeAs("tina", b, "Task_RepairOnSite", Map.of(REPAIR_REPORT, "Replaced the chip card reader.",
                PARTS_REPLACED, SpinValues.jsonValue("[\"CARD_READER_IC\"]").create()));
        billAndCheckSoftware(b);
        executeJobAt(b, "Task_SendSurvey");

        ProcessInstance c = ticketAwaitingDiagnosis(report());
        setClock(at("2027-03-02T14:00"));
        confirmAs("tom", c, "NORMAL", "MAIL_IN");

        setClock(at("2027-03-03T09:00"));
        ProcessInstance e = startTicket(report());
        setClock(at("2027-03-03T09:10"));
        runtimeService.deleteProcessInstance(e.getId(), "The merchant withdrew the report");

        setClock(at("2027-03-03T10:00"));
        completeAs("rita", c, "Task_ReceiveTerminal", Map.of(SHIPPING_REFERENCE, "SF1234567890", LOANER_SERIAL, "LOAN-000042"));

        setClock(at("2027-03-03T11:00"));
        ProcessInstance h = ticketAwaitingDiagnosis(report());
        setClock(at("2027-03-03T11:15"));
        confirmAs("tina", h, "NORMAL", "REMOTE");
        setClock(at("2027-03-03T12:00"));
        completeAs("tina", h, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO",
                REMOTE_SESSION_NOTES, "Reset the printer settings on a video call.", REMOTE_RESOLVED, true));
        billAndCheckSoftware(h);
        setClock(at("2027-03-03T13:00"));
        answerSurvey(h, 2);
        setClock(at("2027-03-03T14:00"));
        completeAs("mary", h, "Task_FollowUpLowScore", Map.of(FOLLOW_UP_NOTES, "Called the merchant and apologised."));
        executeJobAt(h, "Task_CloseTicket");

        setClock(at("2027-03-04T10:00"));
        completeAs("rita", c, "Task_RepairAtCentre", Map.of(REPAIR_REPORT, "Replaced the print head.",
                PARTS_REPLACED, SpinValues.jsonValue("[\"PRINTER_HEAD\"]").create()));

        setClock(at("2027-03-05T17:00"));
        ProcessInstance d = ticketAwaitingDiagnosis(report());

        setClock(at("2027-03-08T00:00"));
        startTicket(report());

        setClock(at("2027-03-09T10:00"));
        executeJobAt(b, "BoundaryEvent_SurveyExpired");
        executeJobAt(b, "Task_CloseTicket");
        assertThat(a).isEnded();
        assertThat(b).isEnded();
        assertThat(h).isEnded();
        assertThat(c).isWaitingAt("Task_ReturnTerminal");
        assertThat(d).isWaitingAt("Task_ConfirmDiagnosis");

        setClock(at("2027-03-09T12:00"));
        ResponseEntity<JsonNode> answer = get("mary", "mary-demo", REPORT + "?from=2027-03-01&to=2027-03-08");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = answer.getBody();

        assertThat(report.get("period")).isEqualTo(json("""
                {"from": "2027-03-01T00:00:00+08:00", "to": "2027-03-08T00:00:00+08:00", "zone": "Asia/Shanghai",
                 "generatedAt": "2027-03-09T12:00:00+08:00"}"""));
        assertThat(report.get("tickets")).isEqualTo(json("""
                {"reported": 6, "open": 2, "closed": 3, "cancelled": 1}"""));

        // response: A, C, H met, B and D missed; resolution: A, H met, B late, C past due, D open
        assertThat(report.at("/compliance/overall")).isEqualTo(json("""
                {"key": null, "tickets": 6, "response": {"met": 3, "missed": 2, "open": 0, "metPercent": 60.0},
                 "resolution": {"met": 2, "missed": 2, "open": 1, "metPercent": 50.0}, "breaches": 4}"""));
        assertThat(report.at("/compliance/bySeverity")).isEqualTo(json("""
                [{"key": "NORMAL", "tickets": 4, "response": {"met": 3, "missed": 1, "open": 0, "metPercent": 75.0},
                  "resolution": {"met": 2, "missed": 1, "open": 1, "metPercent": 66.7}, "breaches": 2},
                 {"key": "URGENT", "tickets": 1, "response": {"met": 0, "missed": 1, "open": 0, "metPercent": 0.0},
                  "resolution": {"met": 0, "missed": 1, "open": 0, "metPercent": 0.0}, "breaches": 2},
                 {"key": null, "tickets": 1, "response": {"met": 0, "missed": 0, "open": 0, "metPercent": null},
                  "resolution": {"met": 0, "missed": 0, "open": 0, "metPercent": null}, "breaches": 0}]"""));
        assertThat(report.at("/compliance/byChannel")).isEqualTo(json("""
                [{"key": "REMOTE", "tickets": 2, "response": {"met": 1, "missed": 1, "open": 0, "metPercent": 50.0},
                  "resolution": {"met": 1, "missed": 0, "open": 1, "metPercent": 100.0}, "breaches": 1},
                 {"key": "ON_SITE", "tickets": 2, "response": {"met": 1, "missed": 1, "open": 0, "metPercent": 50.0},
                  "resolution": {"met": 1, "missed": 1, "open": 0, "metPercent": 50.0}, "breaches": 2},
                 {"key": "MAIL_IN", "tickets": 1, "response": {"met": 1, "missed": 0, "open": 0, "metPercent": 100.0},
                  "resolution": {"met": 0, "missed": 1, "open": 0, "metPercent": 0.0}, "breaches": 1},
                 {"key": null, "tickets": 1, "response": {"met": 0, "missed": 0, "open": 0, "metPercent": null},
                  "resolution": {"met": 0, "missed": 0, "open": 0, "metPercent": null}, "breaches": 0}]"""));
        assertThat(report.at("/compliance/byTechnician")).isEqualTo(json("""
                [{"key": "rita", "tickets": 1, "response": {"met": 0, "missed": 0, "open": 0, "metPercent": null},
                  "resolution": {"met": 0, "missed": 1, "open": 0, "metPercent": 0.0}, "breaches": 1},
                 {"key": "tina", "tickets": 2, "response": {"met": 1, "missed": 1, "open": 0, "metPercent": 50.0},
                  "resolution": {"met": 1, "missed": 1, "open": 0, "metPercent": 50.0}, "breaches": 2},
                 {"key": "tom", "tickets": 2, "response": {"met": 2, "missed": 0, "open": 0, "metPercent": 100.0},
                  "resolution": {"met": 1, "missed": 0, "open": 0, "metPercent": 100.0}, "breaches": 0},
                 {"key": null, "tickets": 1, "response": {"met": 0, "missed": 1, "open": 0, "metPercent": 0.0},
                  "resolution": {"met": 0, "missed": 0, "open": 1, "metPercent": null}, "breaches": 1}]"""));

        // to respond (clock / service hours): A 0.5/0.5, B 3/0 (at night), C 4/4, H 0.25/0.25
        assertThat(report.at("/times/respond")).isEqualTo(json("""
                {"overall": {"key": null, "count": 4, "clockHours": {"mean": 1.94, "p90": 4.0},
                             "serviceHours": {"mean": 1.19, "p90": 4.0}},
                 "bySeverity": [
                   {"key": "NORMAL", "count": 3, "clockHours": {"mean": 1.58, "p90": 4.0}, "serviceHours": {"mean": 1.58, "p90": 4.0}},
                   {"key": "URGENT", "count": 1, "clockHours": {"mean": 3.0, "p90": 3.0}, "serviceHours": {"mean": 0.0, "p90": 0.0}}]}"""));
        // to the end of the repair stage: A 2/2, B 14/2 (Mon 20:00 to Tue 10:00), H 1/1; C not done
        assertThat(report.at("/times/repair")).isEqualTo(json("""
                {"overall": {"key": null, "count": 3, "clockHours": {"mean": 5.67, "p90": 14.0},
                             "serviceHours": {"mean": 1.67, "p90": 2.0}},
                 "bySeverity": [
                   {"key": "NORMAL", "count": 2, "clockHours": {"mean": 1.5, "p90": 2.0}, "serviceHours": {"mean": 1.5, "p90": 2.0}},
                   {"key": "URGENT", "count": 1, "clockHours": {"mean": 14.0, "p90": 14.0}, "serviceHours": {"mean": 2.0, "p90": 2.0}}]}"""));

        // paused apart: C's terminal in the post, Tue 14:00 to Wed 10:00 = 6 service hours, 20 hours in all
        assertThat(report.get("pauses")).isEqualTo(json("""
                {"tickets": 1, "count": 1, "byKind": [
                  {"kind": "MAIL_IN", "count": 1, "serviceHours": 6.0, "clockHours": 20.0},
                  {"kind": "VISIT_POSTPONED", "count": 0, "serviceHours": 0.0, "clockHours": 0.0},
                  {"kind": "MERCHANT_UNREACHABLE", "count": 0, "serviceHours": 0.0, "clockHours": 0.0}]}"""));
        assertThat(report.get("survey")).isEqualTo(json("""
                {"sent": 3, "answered": 2, "unanswered": 1, "open": 0, "responseRatePercent": 66.7, "averageScore": 3.5,
                 "scores": {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1}}"""));
        // the period's loaners; "outNow" lists every loaner out, whatever its ticket (other tests' too): C's among them
        assertThat(report.get("loaners").get("lent").asInt()).isEqualTo(1);
        assertThat(report.get("loaners").get("returned").asInt()).isZero();
        assertThat(report.get("loaners").get("out").asInt()).isEqualTo(1);
        assertThat(report.get("loaners").get("outNow")).contains(json("""
                {"ticketNumber": "%s", "loanerSerial": "LOAN-000042", "merchantName": "Lotus Tea House",
                 "lentAt": "2027-03-03T10:00:00+08:00", "daysOut": 6.1}""".formatted(c.getBusinessKey())));
        // A: 2 rollers and the visit under warranty; H: remote support under warranty; B: chip reader and visit charged
        assertThat(report.get("billing")).isEqualTo(json("""
                {"currency": "CNY", "bills": 3, "warrantyCoveredBills": 2, "billedTotal": "250.00",
                 "parts": {"charged": {"quantity": 1, "listValue": "150.00", "billed": "150.00"},
                           "warranty": {"quantity": 2, "listValue": "70.00", "billed": "0.00"},
                           "includedInRental": {"quantity": 0, "listValue": "0.00", "billed": "0.00"}},
                 "services": {"charged": {"quantity": 1, "listValue": "100.00", "billed": "100.00"},
                              "warranty": {"quantity": 2, "listValue": "100.00", "billed": "0.00"},
                              "includedInRental": {"quantity": 0, "listValue": "0.00", "billed": "0.00"}},
                 "byPart": [{"code": "CARD_READER_IC", "charged": 1, "warranty": 0, "includedInRental": 0},
                            {"code": "PRINTER_ROLLER", "charged": 0, "warranty": 2, "includedInRental": 0}]}"""));

        // the engine forgets the ended tickets (history cleanup): every figure stays as it was
        new HistoryCleanup(http, identityService, managementService, historyService)
                .forget(List.of(a.getId(), b.getId(), e.getId(), h.getId()), at("2027-03-09T12:00"));
        assertThat(get("mary", "mary-demo", REPORT + "?from=2027-03-01&to=2027-03-08").getBody()).isEqualTo(report);
    }

    @Test
    void withoutAPeriodTheReportCoversThisWeekSoFar() {
        setClock(at("2027-04-09T15:00")); // Friday of the week before
        startTicket(report());
        setClock(at("2027-04-12T09:00")); // Monday
        startTicket(report());
        setClock(at("2027-04-14T10:00")); // Wednesday

        JsonNode thisWeek = get("mary", "mary-demo", REPORT).getBody();
        assertThat(thisWeek.at("/period/from").asText()).isEqualTo("2027-04-12T00:00:00+08:00");
        assertThat(thisWeek.at("/period/to").asText()).isEqualTo("2027-04-14T10:00:00+08:00");
        assertThat(thisWeek.at("/tickets/reported").asInt()).isEqualTo(1);
        assertThat(thisWeek.at("/compliance/overall/response")).isEqualTo(json("""
                {"met": 0, "missed": 0, "open": 1, "metPercent": null}"""));

        JsonNode weekBefore = get("mary", "mary-demo", REPORT + "?to=2027-04-12").getBody();
        assertThat(weekBefore.at("/period/from").asText()).isEqualTo("2027-04-05T00:00:00+08:00");
        assertThat(weekBefore.at("/tickets/reported").asInt()).isEqualTo(1);
        JsonNode fromLocalTime = get("mary", "mary-demo", REPORT + "?from=2027-04-12T09:00:01").getBody();
        assertThat(fromLocalTime.at("/tickets/reported").asInt()).as("reported at 09:00:00, before the period").isZero();
    }

    @Test
    void periodsWithExtremeYearsAreRefusedByNameNotWithAServerError() {
        for (String query : List.of("?from=-999999999-01-01&to=+999999999-12-31", "?from=0001-01-01&to=0001-01-02",
                "?to=+999999999-12-31T23:59:59", "?from=9999-12-30&to=9999-12-31", "?to=2026-11-30T00:00:00+18:00x")) {
            ResponseEntity<JsonNode> answer = get("mary", "mary-demo", REPORT + query);
            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("field").asText()).as(query).isIn("from", "to");
        }
    }

    @Test
    void onlyManagersAndAdministratorsMayReadTheReport() {
        assertThat(get("mary", "mary-demo", REPORT).getStatusCode()).isEqualTo(HttpStatus.OK);
        User administrator = identityService.newUser("reportadmin");
        administrator.setPassword("report-test-admin-password");
        identityService.saveUser(administrator);
        try {
            identityService.createMembership(administrator.getId(), "camunda-admin");
            assertThat(get(administrator.getId(), "report-test-admin-password", REPORT).getStatusCode()).isEqualTo(HttpStatus.OK);
            // (a wrong password delays the user's next logins: tried on this user only)
            assertThat(get(administrator.getId(), "wrong-password", REPORT).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            identityService.deleteUser(administrator.getId());
        }

        for (String user : new String[] {"tom", "sam", "alan", "hana"}) {
            ResponseEntity<JsonNode> refused = get(user, user + "-demo", REPORT);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().get("error").asText()).isEqualTo("forbidden");
        }

        ResponseEntity<JsonNode> anonymous = http.getForEntity(REPORT, JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE))
                .as("no answer asks a browser for Basic credentials, which it would keep and send along with other sites' requests")
                .isFalse();
        assertThat(anonymous.getBody().get("message").asText()).contains("/login/");
        assertThat(get("nobody", "nobody-demo", REPORT).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aBadPeriodIsRefusedNamingTheField() {
        assertInvalid("?from=2027-03-08&to=2027-03-01", "from", "must be before 'to'");
        assertInvalid("?from=2027-03-01&to=2027-03-01", "from", "must be before 'to'");
        assertInvalid("?from=2027-02-30", "from", "'2027-02-30' is not a date");
        assertInvalid("?from=yesterday", "from", "'yesterday' is not a date");
        assertInvalid("?to=2027-13-01", "to", "is not a date");
        assertInvalid("?from=2025-01-01&to=2027-01-01", "to", "at most 366 days");
    }

    private void assertInvalid(String query, String field, String message) {
        ResponseEntity<JsonNode> answer = get("mary", "mary-demo", REPORT + query);
        assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("field").asText()).as(query).isEqualTo(field);
        assertThat(answer.getBody().get("message").asText()).as(query).startsWith("Field '" + field + "': ").contains(message);
    }

    private ResponseEntity<JsonNode> get(String user, String password, String url) {
        return http.withBasicAuth(user, password).getForEntity(url, JsonNode.class);
    }

    private JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static Instant at(String shanghaiLocalTime) {
        return LocalDateTime.parse(shanghaiLocalTime).atZone(SHANGHAI).toInstant();
    }

    private void confirmAs(String technician, ProcessInstance ticket, String severity, String channel) {
        completeAs(technician, ticket, "Task_ConfirmDiagnosis", Map.of(SEVERITY, severity, REPAIR_CHANNEL, channel,
                MERCHANT_CAUSED_DAMAGE, false, DIAGNOSIS_NOTES, "Checked with the merchant by phone."));
    }

    /** As in Tasklist: the user claims the task, then completes it. */
    private void completeAs(String user, ProcessInstance ticket, String taskKey, Map<String, Object> variables) {
        var task = taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), new HashMap<>(variables));
    }
}
