package org.posmaintenance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.sla.calendar.CalendarDays;
import org.posmaintenance.ticket.TicketJournal;
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
 * The calendar as data and the pauses of the resolution clock, with dates worked out by hand (Shanghai time in the
 * comments, UTC in the code). 2026 has its official notice (it comes with the application); 2027 has none, so its
 * statutory holidays count provisionally until a manager enters one over REST.
 */
class ServiceCalendarAndPausesTest extends ProcessScenarioTest {

    private static final String CALENDAR = "/api/service-calendar";

    @Autowired TestRestTemplate http;
    @Autowired CalendarDays calendarDays;
    @Autowired DeadlineBasisBackfill backfill;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;

    @BeforeEach
    @AfterEach
    void noNoticeFor2027() {
        jdbc.update("DELETE FROM service_calendar_day WHERE calendar_year = 2027");
        jdbc.update("DELETE FROM service_calendar_year WHERE calendar_year = 2027");
        calendarDays.changed();
    }

    // ------------------------------------------------------------------------------------------ the calendar

    @Test
    void aTicketDiagnosedOn30December2026SkipsNewYearsDayOnTheProvisionalCalendar() {
        ProcessInstance ticket = confirmedNormal("2026-12-30T07:00:00Z", "ON_SITE"); // Wednesday 30 Dec 15:00
        // 30 service hours: Wed 3 h, Thu 31 Dec 10 h, Fri 1 Jan (New Year's Day, provisional) off, weekend, Mon 4 Jan 10 h,
        // Tue 5 Jan 7 h = Tuesday 15:00; the extension of 10 h = Wed 6 Jan 15:00
        assertThat(record(ticket).resolutionDue()).isEqualTo(Instant.parse("2027-01-05T07:00:00Z"));
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(Instant.parse("2027-01-06T07:00:00Z"));
        assertThat(timerAt(ticket, TIMER_RESOLUTION_MISSED).getDuedate()).isEqualTo(Date.from(Instant.parse("2027-01-05T07:00:00Z")));
        assertThat(variable(ticket, SLA_DEADLINES_PROVISIONAL)).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT deadlines_provisional FROM ticket WHERE ticket_number = ?", Boolean.class,
                ticket.getBusinessKey())).isTrue();
    }

    @Test
    void enteringThe2027NoticeOverRestMovesTheRunningTicketsFutureDeadlinesOnly() {
        ProcessInstance earlier = confirmedNormal("2026-12-22T02:00:00Z", "ON_SITE"); // Tuesday 22 Dec 10:00
        // 30 service hours: Tue 8, Wed 10, Thu 10, Fri 25 Dec 2 = Friday 10:00; +10 h = Monday 28 Dec 10:00: both passed
        assertThat(record(earlier).resolutionDue()).isEqualTo(Instant.parse("2026-12-25T02:00:00Z"));
        ProcessInstance ticket = confirmedNormal("2026-12-30T07:00:00Z", "ON_SITE");

        // the notice (for this test): 1 January and Monday 4 January off
        ResponseEntity<JsonNode> entered = put("mary", "mary-demo", CALENDAR + "/2027", Map.of(
                "notice", "State Council notice on the 2027 holidays (test)",
                "days", List.of(Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "元旦 New Year's Day"),
                        Map.of("date", "2027-01-04", "kind", "HOLIDAY", "name", "元旦 New Year's Day (bridge)"))));
        assertThat(entered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(entered.getBody().get("official").asBoolean()).isTrue();
        assertThat(entered.getBody().at("/recalculation/ticketsFailed").asInt()).isZero();
        assertThat(entered.getBody().at("/recalculation/deadlinesMoved").asInt()).isGreaterThanOrEqualTo(2);

        // Wed 3, Thu 10, Fri and Mon off, Tue 5 Jan 10, Wed 6 Jan 7 = Wednesday 15:00; +10 h: Wed 3, Thu 7 = Thursday 15:00
        Instant due = Instant.parse("2027-01-06T07:00:00Z");
        Instant extended = Instant.parse("2027-01-07T07:00:00Z");
        assertThat(record(ticket).resolutionDue()).isEqualTo(due);
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(extended);
        assertThat(timerAt(ticket, TIMER_RESOLUTION_MISSED).getDuedate()).isEqualTo(Date.from(due));
        assertThat(timerAt(ticket, TIMER_RESOLUTION_EXTENSION_EXCEEDED).getDuedate()).isEqualTo(Date.from(extended));
        assertThat(variable(ticket, RESOLUTION_DUE)).isEqualTo(Date.from(due));
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).singleResult().getDueDate()).isEqualTo(Date.from(due));
        assertThat(variable(ticket, SLA_DEADLINES_PROVISIONAL)).as("absent once no deadline is provisional").isNull();
        List<TicketJournal.SlaEntry> moves = journal.slaEntries(ticket.getBusinessKey());
        assertThat(moves).extracting(TicketJournal.SlaEntry::kind).containsExactly("DEADLINE_MOVED", "DEADLINE_MOVED");
        assertThat(moves.get(0).previousAt()).isEqualTo(Instant.parse("2027-01-05T07:00:00Z"));
        assertThat(moves.get(0).movedTo()).isEqualTo(due);
        assertThat(moves.get(0).message()).contains("official holiday notice for 2027");

        // a correction of a day in the past: the earlier ticket's deadlines have passed and stay
        ResponseEntity<JsonNode> corrected = put("mary", "mary-demo", CALENDAR + "/days/2026-12-24",
                Map.of("kind", "HOLIDAY", "name", "Local day off", "reason", "regional holiday (test)"));
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(record(earlier).resolutionDue()).isEqualTo(Instant.parse("2026-12-25T02:00:00Z"));
        assertThat(journal.slaEntries(earlier.getBusinessKey())).isEmpty();
        assertThat(http.withBasicAuth("mary", "mary-demo").exchange(CALENDAR + "/days/2026-12-24?reason=test over",
                HttpMethod.DELETE, null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        // every change is recorded: who, when, what
        JsonNode changes = http.withBasicAuth("mary", "mary-demo").getForObject(CALENDAR + "/changes", JsonNode.class);
        assertThat(changes.get(0).get("action").asText()).isEqualTo("DAY_CLEARED");
        assertThat(changes.get(1).get("action").asText()).isEqualTo("DAY_SET");
        assertThat(changes.get(2).get("action").asText()).isEqualTo("NOTICE_ENTERED");
        assertThat(changes.get(2).get("by").asText()).isEqualTo("mary");
        assertThat(changes.get(2).get("at").asText()).isEqualTo("2026-12-30T07:00:00Z");
    }

    @Test
    void aTicketOfAnOlderReleaseGetsItsDeadlineBasisFromTodaysTargetsAndMovesToo() {
        ProcessInstance ticket = confirmedNormal("2026-12-30T07:00:00Z", "ON_SITE");
        // as a release before 0.3 left it: the deadlines without what they were computed from
        jdbc.update("UPDATE ticket SET response_target = NULL, response_clock = NULL, resolution_from = NULL,"
                + " resolution_target = NULL, resolution_clock = NULL, resolution_extension = NULL WHERE ticket_number = ?",
                ticket.getBusinessKey());
        assertThat(backfill.fill()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT resolution_target FROM ticket WHERE ticket_number = ?", String.class,
                ticket.getBusinessKey())).isEqualTo("PT30H");

        put("mary", "mary-demo", CALENDAR + "/2027", Map.of("notice", "State Council notice (test)",
                "days", List.of(Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "元旦"),
                        Map.of("date", "2027-01-04", "kind", "HOLIDAY", "name", "元旦 (bridge)"))));
        assertThat(record(ticket).resolutionDue()).isEqualTo(Instant.parse("2027-01-06T07:00:00Z"));
    }

    @Test
    void onlyManagersAndAdministratorsChangeTheCalendarAndBadInputNamesTheField() {
        Map<String, Object> notice = Map.of("notice", "Notice", "days",
                List.of(Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "元旦")));
        assertThat(put("tom", "tom-demo", CALENDAR + "/2027", notice).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange(CALENDAR + "/2027", HttpMethod.PUT, new HttpEntity<>(notice, json()), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> weekday = put("mary", "mary-demo", CALENDAR + "/2027", Map.of("notice", "Notice", "days",
                List.of(Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "元旦"),
                        Map.of("date", "2027-01-05", "kind", "WORKDAY", "name", "make-up"))));
        assertThat(weekday.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weekday.getBody().get("field").asText()).isEqualTo("days[1].kind");
        ResponseEntity<JsonNode> otherYear = put("mary", "mary-demo", CALENDAR + "/2027", Map.of("notice", "Notice", "days",
                List.of(Map.of("date", "2028-01-01", "kind", "HOLIDAY", "name", "元旦"))));
        assertThat(otherYear.getBody().get("field").asText()).isEqualTo("days[0].date");
        assertThat(http.withBasicAuth("mary", "mary-demo").getForObject(CALENDAR + "/2027", JsonNode.class)
                .get("official").asBoolean()).as("nothing was entered").isFalse();

        // the import: CSV lines date,kind,name
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> imported = http.withBasicAuth("mary", "mary-demo").exchange(CALENDAR + "/2027?notice=Imported notice",
                HttpMethod.PUT, new HttpEntity<>("date,kind,name\n2027-01-01,HOLIDAY,元旦\n2027-02-07,WORKDAY,春节 make-up\n", csv),
                JsonNode.class);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("days")).hasSize(2);
    }

    @Test
    void managersAreAskedForTheNextNoticeOnceAndTheTaskClosesWhenItIsEntered() {
        setClock(Instant.parse("2026-11-25T23:00:00Z")); // Thursday 07:00, 36 days before the notices end
        runCalendarWatch();
        runCalendarWatch();
        var reminders = taskService.createTaskQuery().taskDefinitionKey(TASK_ENTER_HOLIDAY_NOTICE).list();
        assertThat(reminders).hasSize(1);
        assertThat(taskService.getIdentityLinksForTask(reminders.get(0).getId())).extracting("groupId").containsExactly("managers");
        assertThat(reminders.get(0).getDueDate()).isEqualTo(Date.from(Instant.parse("2026-12-31T16:00:00Z")));
        assertThatThrownBy(() -> taskService.complete(reminders.get(0).getId())).hasMessageContaining("not entered yet");

        put("mary", "mary-demo", CALENDAR + "/2027", Map.of("notice", "State Council notice (test)",
                "days", List.of(Map.of("date", "2027-01-01", "kind", "HOLIDAY", "name", "元旦"))));
        assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_ENTER_HOLIDAY_NOTICE).count()).isZero();
    }

    // ------------------------------------------------------------------------------------------ pauses

    @Test
    void aMailInTerminalInThePostAcrossTheNationalDayHolidaysDoesNotCount() {
        ProcessInstance ticket = confirmedNormal("2026-09-30T08:00:00Z", "MAIL_IN"); // Wednesday 30 Sep 16:00
        // 30 service hours: Wed 2, 1-7 Oct holidays, Thu 8 Oct 10, Fri 9 Oct 10, Sat 10 Oct (make-up workday) 8 = 16:00
        assertThat(record(ticket).resolutionDue()).isEqualTo(Instant.parse("2026-10-10T08:00:00Z"));
        assertThat(ticket).isWaitingAt(TASK_RECEIVE_TERMINAL);
        assertThat(timerAt(ticket, TIMER_RESOLUTION_MISSED).isSuspended()).as("held while the terminal is in the post").isTrue();
        assertThat(timerAt(ticket, TIMER_RESOLUTION_EXTENSION_EXCEEDED).isSuspended()).isTrue();
        assertThat(variable(ticket, SLA_PAUSE)).isEqualTo("MAIL_IN");
        setClock(Instant.parse("2026-10-10T09:00:00Z")); // Saturday 17:00, an hour past the original resolution deadline
        assertThat(dueJobActivities(ticket)).as("nothing fires while the terminal is in the post").isEmpty();

        setClock(Instant.parse("2026-10-09T03:00:00Z")); // received Friday 9 Oct 11:00
        complete(ticket, TASK_RECEIVE_TERMINAL, Map.of(SHIPPING_REFERENCE, "SF1234567890", LOANER_SERIAL, "LOAN-000777"));
        // paused 2 + 10 + 3 = 15 service hours: Sat 10 Oct 16:00 + 15 h = Sat 2, Mon 12 Oct 10, Tue 3 = Tuesday 11:00
        Instant due = Instant.parse("2026-10-13T03:00:00Z");
        assertThat(record(ticket).resolutionDue()).isEqualTo(due);
        // +10 h: Tue 7, Wed 3 = Wednesday 14 Oct 11:00
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(Instant.parse("2026-10-14T03:00:00Z"));
        Job timer = timerAt(ticket, TIMER_RESOLUTION_MISSED);
        assertThat(timer.isSuspended()).isFalse();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(TASK_REPAIR_AT_CENTRE)
                .singleResult().getDueDate()).isEqualTo(Date.from(due));
        assertThat(slaEventKinds(ticket)).containsExactly("PAUSE_STARTED", "PAUSE_ENDED", "DEADLINE_MOVED", "DEADLINE_MOVED");
        assertThat(runtimeService.getVariable(ticket.getId(), SLA_PAUSE)).isNull();
        // 9 days in the post (over the holidays), more than 3: a supervisor decides, the pause counts in full meanwhile
        assertThat(approvals(ticket)).isEqualTo(1);
    }

    @Test
    void aTicketCancelledWhileTheTerminalIsInThePostEndsItsPauseAndItsApproval() {
        ProcessInstance ticket = confirmedNormal("2026-09-30T08:00:00Z", "MAIL_IN");
        assertThat(approvals(ticket)).isEqualTo(1);

        setClock(Instant.parse("2026-10-02T02:00:00Z"));
        identityService.setAuthentication("hana", List.of("hotline"));   // the hotline cancels from Tasklist
        try {
            runtimeService.startProcessInstanceByKey(CANCELLATION_PROCESS_ID, Map.of(CANCEL_TICKET_NUMBER, ticket.getBusinessKey(),
                    CANCEL_REASON, "The merchant bought a new terminal."));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(approvals(ticket)).as("no supervisor is asked about a cancelled ticket").isZero();
        assertThat(jdbc.queryForObject("SELECT ends_at FROM ticket_sla_pause WHERE ticket_number = ?", java.sql.Timestamp.class,
                ticket.getBusinessKey()).toInstant()).isEqualTo(Instant.parse("2026-10-02T02:00:00Z"));
    }

    @Test
    void aVisitPostponedByTheMerchantOverAWeekendMovesTheDeadlinesAtOnce() {
        ProcessInstance ticket = confirmedNormal("2026-11-25T02:00:00Z", "ON_SITE"); // Wednesday 10:00: due Mon 30 Nov 10:00
        assertThat(record(ticket).resolutionDue()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
        complete(ticket, TASK_SCHEDULE_VISIT, Map.of(VISIT_APPOINTMENT, "2026-11-26T10:00+08:00", VISIT_ADDRESS, "8 Nanjing Road"));

        setClock(Instant.parse("2026-11-26T01:00:00Z")); // Thursday 09:00 the merchant asks for Monday 14:00
        complete(ticket, TASK_REPAIR_ON_SITE, Map.of(REPAIR_OUTCOME, "VISIT_POSTPONED", POSTPONED_UNTIL, "2026-11-30T14:00+08:00",
                POSTPONE_REASON, "Shop closed for stocktaking until Monday."));
        // paused Thu 9 + Fri 10 + Mon 6 = 25 service hours: Mon 10:00 + 25 h = Mon 8, Tue 10, Wed 2 Dec 7 = Wednesday 15:00
        Instant due = Instant.parse("2026-12-02T07:00:00Z");
        assertThat(record(ticket).resolutionDue()).isEqualTo(due);
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
        assertThat(timerAt(ticket, TIMER_RESOLUTION_MISSED).getDuedate()).isEqualTo(Date.from(due));
        assertThat(record(ticket).visitAt()).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
        assertThat(ticket).isWaitingAt(TASK_REPAIR_ON_SITE);
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).singleResult().getDueDate()).isEqualTo(Date.from(due));
        assertThat(approvals(ticket)).as("4 days: a supervisor approves").isEqualTo(1);

        // Friday 09:00 the merchant postpones again, to Wednesday 2 Dec 14:00: the clock stops once, from Thursday 09:00
        setClock(Instant.parse("2026-11-27T01:00:00Z"));
        complete(ticket, TASK_REPAIR_ON_SITE, Map.of(REPAIR_OUTCOME, "VISIT_POSTPONED", POSTPONED_UNTIL, "2026-12-02T14:00+08:00",
                POSTPONE_REASON, "The owner is travelling until Wednesday."));
        // paused Thu 9, Fri 10, Mon 10, Tue 10, Wed 6 = 45 service hours (not 25 + 35): Mon 30 Nov 10:00 + 45 h =
        // Mon 8, Tue 10, Wed 10, Thu 10, Fri 4 Dec 7 = Friday 15:00; +10 h: Fri 3, Mon 7 Dec 7 = Monday 15:00
        assertThat(record(ticket).resolutionDue()).isEqualTo(Instant.parse("2026-12-04T07:00:00Z"));
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));

        setClock(Instant.parse("2026-12-02T07:00:00Z"));
        complete(ticket, TASK_REPAIR_ON_SITE, Map.of(REPAIR_OUTCOME, "REPAIRED", REPAIR_REPORT, "Cleaned the printer head."));
        assertThat(ticket).isWaitingAt("Task_BillParts");
        billAndCheckSoftware(ticket);
        assertThat(runtimeService.getVariable(ticket.getId(), SLA_PAUSE)).as("no pause once the repair stage is done").isNull();
    }

    @Test
    void anUnreachableMerchantStopsTheClockPastTheOriginalDeadlinesWhenTheSupervisorApproves() {
        ProcessInstance ticket = unreachableMerchant();
        approve(ticket, true);
        // reached Tuesday 1 Dec 15:00, after both original deadlines (Mon 30 Nov 10:00, Tue 1 Dec 10:00), which never fired
        setClock(Instant.parse("2026-12-01T07:00:00Z"));
        assertThat(dueJobActivities(ticket)).isEmpty();
        complete(ticket, TASK_REACH_MERCHANT, Map.of(MERCHANT_REACHED_NOTES, "Reached at 15:00; visit agreed for Thursday."));
        // 29 service hours were left at 11:00 Wednesday: Tue 3, Wed 10, Thu 10, Fri 4 Dec 6 = Friday 14:00; +10 h = Mon 7 Dec 14:00
        assertThat(record(ticket).resolutionDue()).isEqualTo(Instant.parse("2026-12-04T06:00:00Z"));
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
        assertThat(timerAt(ticket, TIMER_RESOLUTION_MISSED).isSuspended()).isFalse();
        assertThat(timerAt(ticket, TIMER_RESOLUTION_MISSED).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-04T06:00:00Z")));
        assertThat(ticket).isWaitingAt(TASK_SCHEDULE_VISIT);
        assertThat(slaEventKinds(ticket)).doesNotContain("RESOLUTION_MISSED");
    }

    @Test
    void anUnreachableMerchantsPauseCountsOnlyThreeDaysWhenTheSupervisorRefuses() {
        ProcessInstance ticket = unreachableMerchant();
        approve(ticket, false);
        // credited Wed 11:00 to Sat 28 Nov 11:00 = Wed 7 + Thu 10 + Fri 10 = 27 service hours:
        // Mon 30 Nov 10:00 + 27 h = Mon 8, Tue 10, Wed 9 = Wednesday 2 Dec 17:00; +10 h = Thursday 3 Dec 17:00
        Instant due = Instant.parse("2026-12-02T09:00:00Z");
        assertThat(record(ticket).resolutionDue()).isEqualTo(due);
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(timerAt(ticket, TIMER_RESOLUTION_MISSED).isSuspended()).as("the clock runs again").isFalse();

        setClock(Instant.parse("2026-12-01T07:00:00Z"));
        complete(ticket, TASK_REACH_MERCHANT, Map.of(MERCHANT_REACHED_NOTES, "Reached at 15:00."));
        assertThat(record(ticket).resolutionDue()).as("the refused pause does not count further").isEqualTo(due);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Wednesday 25 Nov 10:00 a normal on-site ticket; at 11:00 the technician cannot reach the merchant. */
    private ProcessInstance unreachableMerchant() {
        ProcessInstance ticket = confirmedNormal("2026-11-25T02:00:00Z", "ON_SITE");
        setClock(Instant.parse("2026-11-25T03:00:00Z"));
        complete(ticket, TASK_SCHEDULE_VISIT, Map.of(MERCHANT_UNREACHABLE, true,
                CONTACT_ATTEMPTS, "10:30 called, no answer; 10:45 SMS; 10:55 called again."));
        assertThat(ticket).isWaitingAt(TASK_REACH_MERCHANT);
        assertThat(timerAt(ticket, TIMER_RESOLUTION_MISSED).isSuspended()).isTrue();
        assertThat(approvals(ticket)).isEqualTo(1);
        return ticket;
    }

    /** After three days (Saturday 28 Nov 11:00) the supervisors' task appears; they decide. */
    private void approve(ProcessInstance ticket, boolean approved) {
        setClock(Instant.parse("2026-11-28T03:00:00Z"));
        ProcessInstance approval = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_SLA_PAUSE_APPROVAL)
                .processInstanceBusinessKey(ticket.getBusinessKey()).singleResult();
        Job timer = managementService.createJobQuery().processInstanceId(approval.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-11-28T03:00:00Z")));
        managementService.executeJob(timer.getId());
        var task = taskService.createTaskQuery().processInstanceId(approval.getId()).taskDefinitionKey(TASK_APPROVE_SLA_PAUSE)
                .singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting("groupId").containsExactly("supervisors");
        taskService.complete(task.getId(), Map.of(SLA_PAUSE_APPROVED, String.valueOf(approved),
                SLA_PAUSE_DECISION_NOTES, approved ? "The merchant is on holiday." : "Three days are enough."));
    }

    private long approvals(ProcessInstance ticket) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_SLA_PAUSE_APPROVAL)
                .processInstanceBusinessKey(ticket.getBusinessKey()).count();
    }

    private ProcessInstance confirmedNormal(String at, String channel) {
        setClock(Instant.parse(at));
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", channel, false);
        return ticket;
    }

    private void runCalendarWatch() {
        Job start = managementService.createJobQuery().processDefinitionKey(PROCESS_CALENDAR_WATCH).timers().singleResult();
        managementService.executeJob(start.getId());
    }

    private ResponseEntity<JsonNode> put(String user, String password, String url, Object body) {
        return http.withBasicAuth(user, password).exchange(url, HttpMethod.PUT, new HttpEntity<>(body, json()), JsonNode.class);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
