package org.posmaintenance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;

/**
 * The ticket's {@code slaState} as Cockpit shows it, through each SLA timer, the first response and
 * the end of the repair stage. A printer fault reported Wednesday 10:00: warning Thursday 18:00,
 * response due Friday 14:00, and after a response at Wednesday 10:30 the resolution is due Monday 10:30.
 */
class SlaStateTest extends ProcessScenarioTest {

    private static final Instant WARNING = Instant.parse("2026-11-25T20:00:00Z");
    private static final Instant RESPONSE_DUE = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void aTicketAnsweredAndRepairedOnTimeIsOnTrackThenMet() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("ON_TRACK");

        setClock(WEDNESDAY_10_00.plusSeconds(1800));
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("ON_TRACK");

        setClock(Instant.parse("2026-11-26T02:00:00Z"));
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO",
                REMOTE_SESSION_NOTES, "Fixed on a video call.", REMOTE_RESOLVED, true));
        assertThat(variable(ticket, SLA_STATE)).as("billing still belongs to the repair stage").isEqualTo("ON_TRACK");
        billAndCheckSoftware(ticket);
        assertThat(ticket).hasPassed("SubProcess_Repair");
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("MET");

        answerSurvey(ticket, 4);
        executeJobAt(ticket, "Task_CloseTicket");
        assertThat(ticket).isEnded();
        assertThat(record(ticket).slaState()).as("kept in the record").isEqualTo("MET");
    }

    @Test
    void theResponseWarningMakesItAtRiskAndAnAnswerBeforeTheDeadlineBringsItBackOnTrack() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        setClock(WARNING);
        executeJobAt(ticket, "BoundaryEvent_ResponseSlaAtRisk");
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("AT_RISK");

        setClock(RESPONSE_DUE.minusSeconds(60));
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        assertThat(record(ticket).responseMet()).isTrue();
        assertThat(record(ticket).slaState()).isEqualTo("ON_TRACK");
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("ON_TRACK");
    }

    @Test
    void aMissedResponseDeadlineIsBreachedUntilTheRepairThenMissed() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        setClock(WARNING);
        executeJobAt(ticket, "BoundaryEvent_ResponseSlaAtRisk");
        setClock(RESPONSE_DUE);
        executeJobAt(ticket, "BoundaryEvent_ResponseSlaBreached");
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("BREACHED");

        setClock(RESPONSE_DUE.plusSeconds(600));
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        assertThat(variable(ticket, SLA_STATE)).as("a late response stays breached").isEqualTo("BREACHED");

        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "PHONE",
                REMOTE_SESSION_NOTES, "Fixed on the phone.", REMOTE_RESOLVED, true));
        billAndCheckSoftware(ticket);
        assertThat(variable(ticket, SLA_STATE)).as("repaired in time, but the response was late").isEqualTo("MISSED");
    }

    @Test
    void aMissedResolutionTargetIsBreachedThenMissed() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "ON_SITE", false);
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("ON_TRACK");
        // 30 service hours from Wednesday 10:00 = Monday 10:00
        Instant resolutionDue = Instant.parse("2026-11-30T02:00:00Z");

        setClock(resolutionDue);
        executeJobAt(ticket, "BoundaryEvent_ResolutionTargetMissed");
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("BREACHED");

        complete(ticket, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2026-11-30T14:00+08:00", VISIT_ADDRESS, "8 Nanjing Road"));
        setClock(Instant.parse("2026-11-30T06:00:00Z"));
        complete(ticket, "Task_RepairOnSite", Map.of(REPAIR_REPORT, "Reconfigured the printer driver."));
        billAndCheckSoftware(ticket);
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("MISSED");
    }
}
