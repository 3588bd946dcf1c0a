package org.posmaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.records.TaskEntries;

/** A printer fault fixed by remote support within warranty, software current, a good evaluation. */
class MaintenanceHappyPathTest extends ProcessScenarioTest {

    @Test
    void remoteFixWithinWarrantyRunsThroughAllFiveStagesToAClosedTicket() {
        ProcessInstance ticket = startTicket(report());

        assertThat(ticket.getBusinessKey()).matches("SR-20261125-\\d{4}");
        assertThat(variable(ticket, TICKET_NUMBER)).isEqualTo(ticket.getBusinessKey());
        assertThat(record(ticket).reportedAt()).isEqualTo(WEDNESDAY_10_00);
        assertThat(record(ticket).stage()).isEqualTo("DIAGNOSIS");
        assertThat(ticket).hasPassed("Task_RegisterTicket").isWaitingAt("Task_DiagnoseFault");

        executeJobAt(ticket, "Task_DiagnoseFault");
        assertThat(ticket).isWaitingAt("Task_ConfirmDiagnosis");
        assertThat(record(ticket).proposedSeverity()).isEqualTo("NORMAL");
        assertThat(record(ticket).proposedRepairChannel()).isEqualTo("REMOTE");
        assertThat(record(ticket).warrantyInPeriod()).isTrue();
        // the proposal is the form's first value; the report's other fields are the record's only
        assertThat(variable(ticket, SEVERITY)).isEqualTo("NORMAL");
        assertThat(runtimeService().getVariables(ticket.getId())).doesNotContainKeys(PROPOSED_SEVERITY, WARRANTY_IN_PERIOD,
                CONTACT_PHONE, FAULT_DESCRIPTION, PAYMENTS_BLOCKED, REPORT_CHANNEL, TERMINAL_MODEL, SOFTWARE_VERSION);
        assertThat(record(ticket).report().faultDescription()).isEqualTo(report().get(FAULT_DESCRIPTION));
        // 24 hours of the report (Wednesday 10:00), round the clock as published: Thursday 10:00 Shanghai
        Date responseDue = Date.from(Instant.parse("2026-11-26T02:00:00Z"));
        assertThat(variable(ticket, RESPONSE_DUE)).isEqualTo(responseDue);
        assertThat(task()).hasCandidateGroup("technicians").hasDueDate(responseDue);
        assertThat(task().getPriority()).isEqualTo(50);

        setClock(WEDNESDAY_10_00.plusSeconds(1800));
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        assertThat(record(ticket).responseMet()).isTrue();
        assertThat(record(ticket).firstResponseAt()).isEqualTo(WEDNESDAY_10_00.plusSeconds(1800));
        assertThat(record(ticket).stage()).isEqualTo("REPAIR");
        assertThat(ticket).isWaitingAt("Task_RemoteSupport");
        assertThat(task()).hasCandidateGroup("technicians").hasDueDate((Date) variable(ticket, RESOLUTION_DUE));

        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO",
                REMOTE_SESSION_NOTES, "Cleaned the print head with the merchant on video.", REMOTE_RESOLVED, true));
        assertThat(ticket).isWaitingAt("Task_BillParts");
        billAndCheckSoftware(ticket);

        assertThat(bill(ticket).warrantyCovered()).isTrue();
        assertThat(billLines(ticket)).containsExactly("SERVICE REMOTE 0.00 WARRANTY");
        assertThat(bill(ticket).total()).isEqualByComparingTo("0.00");
        assertThat(bill(ticket).priceListVersion()).isEqualTo("2026-12");
        assertThat(variable(ticket, UPGRADE_NEEDED)).isEqualTo(false);
        assertThat(ticket).hasNotPassed("TimerEvent_UpgradeWindowOpens", "Task_UpgradeTerminal");
        // no loaner terminal out: the upgrade and feedback follow the repair on one path, no parallel branch waits
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ? AND IS_CONCURRENT_ = TRUE",
                Integer.class, ticket.getId())).isZero();
        assertThat(ticket).isWaitingAt("Task_AnswerSurvey").hasNotPassed("SubProcess_LoanerReturn");

        answerSurvey(ticket, 5);
        // the evaluation and the closing run in one transaction: the ticket is closed now, its records say how
        assertThat(evaluations.of(ticket.getBusinessKey()).orElseThrow().lowScore()).isFalse();
        executeJobAt(ticket, "Task_CloseTicket");

        assertThat(ticket).isEnded().hasPassed("Task_RecordEvaluation", "EndEvent_TicketClosed").hasNotPassed("Task_FollowUpLowScore");
        assertThat(record(ticket).stage()).isEqualTo("CLOSED");
        assertThat(record(ticket).outcome()).isEqualTo(org.posmaintenance.ticket.TicketRegistry.Outcome.CLOSED);
        assertThat(evaluations.of(ticket.getBusinessKey()).orElseThrow().score()).isEqualTo(5);
        // what each person entered stays with the ticket, not in the engine's history
        assertThat(taskEntries.of(ticket.getBusinessKey())).extracting(TaskEntries.Entry::taskKey)
                .containsExactly("Task_ConfirmDiagnosis", "Task_RemoteSupport", "Task_AnswerSurvey");
        assertThat(taskEntries.of(ticket.getBusinessKey()).get(1).fields())
                .contains("\"remoteSessionNotes\":\"Cleaned the print head with the merchant on video.\"");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(ticket.getId()).count())
                .as("no history of variables (history level records)").isZero();
        assertThat(notificationKinds(ticket))
                .containsExactly("TICKET_RECEIVED", "SURVEY_SENT", "TICKET_CLOSED");
    }

    @Test
    void everyTicketGetsTheNextNumberOfTheDay() {
        String first = startTicket(report()).getBusinessKey();
        String second = startTicket(report()).getBusinessKey(); // another new terminal

        int firstNumber = Integer.parseInt(first.substring(first.lastIndexOf('-') + 1));
        assertThat(second).isEqualTo("SR-20261125-%04d".formatted(firstNumber + 1));
    }
}
