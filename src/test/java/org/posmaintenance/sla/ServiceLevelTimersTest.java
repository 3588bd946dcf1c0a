package org.posmaintenance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;

/** The service-level timers: their due dates, that none fires early, and what each does when it fires. */
class ServiceLevelTimersTest extends ProcessScenarioTest {

    @Test
    void normalFaultWarnsAt75PercentThenEscalatesToSupervisorsWithoutStoppingTheWork() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        // 24 hours of the report (Wednesday 10:00), round the clock as published: Thursday 10:00; 75 % = 18 hours =
        // Thursday 04:00
        Instant warning = Instant.parse("2026-11-25T20:00:00Z");
        Instant due = Instant.parse("2026-11-26T02:00:00Z");
        assertThat(timerAt(ticket, "BoundaryEvent_ResponseSlaAtRisk").getDuedate()).isEqualTo(Date.from(warning));
        assertThat(timerAt(ticket, "BoundaryEvent_ResponseSlaBreached").getDuedate()).isEqualTo(Date.from(due));

        setClock(warning.minusSeconds(60));
        assertThat(dueJobActivities(ticket)).isEmpty();
        setClock(warning);
        assertThat(dueJobActivities(ticket)).containsExactly("BoundaryEvent_ResponseSlaAtRisk");
        executeJobAt(ticket, "BoundaryEvent_ResponseSlaAtRisk");
        assertThat(slaEventKinds(ticket)).containsExactly("RESPONSE_AT_RISK");
        assertThat(ticket).isWaitingAt("Task_ConfirmDiagnosis");
        assertThat(task().getPriority()).isEqualTo(50);

        setClock(due.minusSeconds(60));
        assertThat(dueJobActivities(ticket)).isEmpty();
        setClock(due);
        executeJobAt(ticket, "BoundaryEvent_ResponseSlaBreached");
        assertThat(slaEventKinds(ticket)).containsExactly("RESPONSE_AT_RISK", "RESPONSE_BREACHED");
        assertThat(ticket).isWaitingAt("Task_ConfirmDiagnosis");
        assertThat(task()).hasCandidateGroup("supervisors").hasCandidateGroup("technicians");
        assertThat(task().getPriority()).isEqualTo(100);

        setClock(due.plusSeconds(600));
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        assertThat(record(ticket).responseMet()).isFalse();
        assertThat(record(ticket).firstResponseAt()).isEqualTo(due.plusSeconds(600));
        assertThat(ticket).isWaitingAt("Task_RemoteSupport");
    }

    @Test
    void aReportOnFridayEveningIsAnsweredWithin24HoursButRepairedInServiceHours() {
        setClock(Instant.parse("2026-11-27T11:00:00Z")); // Friday 19:00 Shanghai
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        // first response: 24 hours of the report, round the clock = Saturday 19:00; warning after 18 h = Saturday 13:00
        assertThat(variable(ticket, RESPONSE_DUE)).isEqualTo(Date.from(Instant.parse("2026-11-28T11:00:00Z")));
        assertThat(variable(ticket, RESPONSE_WARNING_AT)).isEqualTo(Date.from(Instant.parse("2026-11-28T05:00:00Z")));
        assertThat(task()).hasDueDate(Date.from(Instant.parse("2026-11-28T11:00:00Z")));

        // confirmed Saturday 12:00: 30 service hours from Monday 08:00 = Monday, Tuesday, Wednesday 10 h each = Wednesday 18:00
        setClock(Instant.parse("2026-11-28T04:00:00Z"));
        confirmDiagnosis(ticket, "NORMAL", "ON_SITE", false);
        assertThat(record(ticket).responseMet()).isTrue();
        assertThat(record(ticket).resolutionDue()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        // 10 service hours more = Thursday 18:00
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void urgentFaultGetsOneHourRoundTheClock() {
        setClock(Instant.parse("2026-11-28T15:00:00Z")); // Saturday 23:00 Shanghai
        Map<String, Object> report = report();
        report.put(FAULT_CATEGORY, "TERMINAL_DOWN");
        report.put(PAYMENTS_BLOCKED, true);
        ProcessInstance ticket = ticketAwaitingDiagnosis(report);

        assertThat(variable(ticket, SEVERITY)).isEqualTo("URGENT");
        assertThat(timerAt(ticket, "BoundaryEvent_ResponseSlaAtRisk").getDuedate())
                .isEqualTo(Date.from(Instant.parse("2026-11-28T15:45:00Z")));
        assertThat(timerAt(ticket, "BoundaryEvent_ResponseSlaBreached").getDuedate())
                .isEqualTo(Date.from(Instant.parse("2026-11-28T16:00:00Z")));
        assertThat(task().getPriority()).isEqualTo(90);
    }

    @Test
    void majorFaultIsResolvedWithinTheResponseWindowOr72HoursAfterIt() {
        Map<String, Object> report = report();
        report.put(FAULT_CATEGORY, "SYSTEM_CRASH");
        ProcessInstance ticket = ticketAwaitingDiagnosis(report);
        // reported Wednesday 10:00: respond within 48 hours = Friday 10:00
        assertThat(variable(ticket, RESPONSE_DUE)).isEqualTo(Date.from(Instant.parse("2026-11-27T02:00:00Z")));

        // confirmed at once (Wednesday 10:00); resolution within the 48-hour window of the report = Friday 10:00, never
        // before the response deadline; the extension 72 hours after it = Monday 10:00
        confirmDiagnosis(ticket, "MAJOR", "REMOTE", false);
        assertThat(timerAt(ticket, "BoundaryEvent_ResolutionTargetMissed").getDuedate())
                .isEqualTo(Date.from(Instant.parse("2026-11-27T02:00:00Z")));
        assertThat(timerAt(ticket, "BoundaryEvent_ResolutionExtensionExceeded").getDuedate())
                .isEqualTo(Date.from(Instant.parse("2026-11-30T02:00:00Z")));
        assertThat(record(ticket).resolutionDue()).isAfterOrEqualTo(record(ticket).responseDue());
    }

    @Test
    void aMajorFaultReclassifiedAtTheFirstResponseNeverGetsAResolutionBeforeTheResponseDeadline() {
        // proposed NORMAL (first response Thursday 10:00), confirmed URGENT at once: 8 hours from the diagnosis would be
        // Wednesday 18:00, before the response deadline, so the resolution target is Thursday 10:00, +8 h = Thursday 18:00
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "URGENT", "REMOTE", false);
        assertThat(record(ticket).responseDue()).isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
        assertThat(record(ticket).resolutionDue()).isEqualTo(Instant.parse("2026-11-26T02:00:00Z"));
        assertThat(record(ticket).resolutionExtendedDue()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void aLateRepairTellsTheMerchantThePlanAndEtaThenGoesToAManager() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "ON_SITE", false);
        // 30 service hours from Wednesday 10:00 = Monday 10:00; 10 more = Tuesday 10:00
        Instant resolutionDue = Instant.parse("2026-11-30T02:00:00Z");
        Instant extendedDue = Instant.parse("2026-12-01T02:00:00Z");
        assertThat(timerAt(ticket, "BoundaryEvent_ResolutionTargetMissed").getDuedate()).isEqualTo(Date.from(resolutionDue));
        assertThat(timerAt(ticket, "BoundaryEvent_ResolutionExtensionExceeded").getDuedate()).isEqualTo(Date.from(extendedDue));
        assertThat(task()).hasDueDate(Date.from(resolutionDue));

        setClock(resolutionDue.minusSeconds(60));
        assertThat(dueJobActivities(ticket)).isEmpty();
        setClock(resolutionDue);
        executeJobAt(ticket, "BoundaryEvent_ResolutionTargetMissed");
        assertThat(ticket).hasPassed("Task_NotifyMerchantOfDelay").isWaitingAt("Task_ScheduleVisit");
        assertThat(record(ticket).resolutionEta()).isEqualTo(extendedDue);
        var delay = journal.notifications(ticket.getBusinessKey()).get(1);
        assertThat(delay.kind()).isEqualTo("RESOLUTION_DELAYED");
        assertThat(delay.eta()).isEqualTo(extendedDue);
        assertThat(delay.at()).isEqualTo(resolutionDue);
        assertThat(delay.message())
                .contains("约定上门时间").contains("2026-12-01 10:00 (Asia/Shanghai)"); // in the merchant's language

        setClock(extendedDue);
        executeJobAt(ticket, "BoundaryEvent_ResolutionExtensionExceeded");
        assertThat(slaEventKinds(ticket)).containsExactly("RESOLUTION_MISSED", "RESOLUTION_EXTENSION_EXCEEDED");
        assertThat(ticket).isWaitingAt("Task_ScheduleVisit", "Task_ReviewOverdueRepair");
        Job none = managementService.createJobQuery().processInstanceId(ticket.getId()).timers().singleResult();
        assertThat(none).as("no timer left on the repair stage").isNull();
        var review = taskService.createTaskQuery().processInstanceId(ticket.getId())
                .taskDefinitionKey("Task_ReviewOverdueRepair").singleResult();
        assertThat(review).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting("groupId").containsExactly("managers");

        complete(ticket, "Task_ReviewOverdueRepair", Map.of(MANAGER_DECISION, "Sent our senior technician."));
        complete(ticket, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2026-12-02T10:00+08:00", VISIT_ADDRESS, "8 Nanjing Road"));
        complete(ticket, "Task_RepairOnSite", Map.of(REPAIR_REPORT, "Reconfigured the printer driver."));
        assertThat(ticket).isWaitingAt("Task_BillParts");
    }
}
