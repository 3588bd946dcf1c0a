package org.posmaintenance.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;

/**
 * A loaner terminal the merchant keeps after the repaired terminal was sent back: the repair is done (the
 * resolution target is met or missed by then), the loaner is collected alongside the upgrade and the
 * survey: reminders, then a task for the repair centre, then one for a manager. The ticket closes once
 * the loaner is back or written off.
 */
class LoanerReturnTest extends ProcessScenarioTest {

    /** A mail-in ticket whose repaired terminal went back at {@code returnedAt}, the loaner still with the merchant, billed. */
    private ProcessInstance repairedWithLoanerOut(Instant returnedAt) {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "MAIL_IN", false);
        complete(ticket, "Task_ReceiveTerminal", Map.of(LOANER_SERIAL, "LOAN-A920-041"));
        complete(ticket, "Task_RepairAtCentre", Map.of(REPAIR_REPORT, "Cleaned the card slot."));
        setClock(returnedAt);
        complete(ticket, "Task_ReturnTerminal", Map.of(RETURN_SHIPPING_REFERENCE, "SF2220001"));
        executeJobAt(ticket, "Task_BillParts");
        return ticket;
    }

    @Test
    void theTimeTheMerchantKeepsTheLoanerDoesNotCountAgainstTheResolution() {
        // resolution due Thursday 26th 17:00 (30 service hours... see SlaTargets); returned Thursday 10:00
        Instant returned = Instant.parse("2026-11-26T02:00:00Z");
        ProcessInstance ticket = repairedWithLoanerOut(returned);
        assertThat(variable(ticket, SLA_STATE)).isEqualTo("MET");
        assertThat(ticket).isWaitingAt("Task_ReceiveLoaner", "Task_AnswerSurvey"); // the survey goes out with the bill
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey("Task_ReceiveLoaner")
                .singleResult().getDueDate()).isEqualTo(Date.from(returned.plus(Duration.ofDays(7))));

        // the upgrade and the survey go on meanwhile; the ticket waits for the loaner before it closes
        executeJobAt(ticket, "Task_CheckSoftwareVersion");
        survey(ticket);
        assertThat(ticket).hasPassed("Task_RecordEvaluation").isWaitingAt("Task_ReceiveLoaner");

        setClock(returned.plus(Duration.ofDays(3)));
        assertRejected(ticket, "Task_ReceiveLoaner", LOANER_RETURNED, () -> complete(ticket, "Task_ReceiveLoaner", Map.of()));
        complete(ticket, "Task_ReceiveLoaner", Map.of(LOANER_RETURNED, true));
        assertThat(lendings.of(ticket.getBusinessKey()).orElseThrow().returnedAt()).isEqualTo(returned.plus(Duration.ofDays(3)));
        assertThat(record(ticket).slaState()).as("still MET").isEqualTo("MET");
        executeJobAt(ticket, "Task_CloseTicket");
        assertThat(ticket).isEnded().hasPassed("EndEvent_LoanerBack", "EndEvent_TicketClosed");
    }

    @Test
    void aLoanerStillOutAfterTheRemindersGoesToTheRepairCentreThenToAManagerWhoMayWriteItOff() {
        Instant returned = Instant.parse("2026-11-26T02:00:00Z");
        ProcessInstance ticket = repairedWithLoanerOut(returned);
        for (int day : new int[] {2, 4, 6}) {
            assertThat(timerAt(ticket, "BoundaryEvent_LoanerReturnReminder").getDuedate())
                    .isEqualTo(Date.from(returned.plus(Duration.ofDays(day))));
            // as the job executor runs it: a moment after it fell due
            setClock(returned.plus(Duration.ofDays(day)).plusSeconds(5));
            executeJobAt(ticket, "BoundaryEvent_LoanerReturnReminder");
        }
        assertThat(notificationKinds(ticket)).containsExactly("TICKET_RECEIVED", "LOANER_LENT", "TERMINAL_RETURNED", "SURVEY_SENT", "LOANER_RETURN_REMINDER",
                "LOANER_RETURN_REMINDER", "LOANER_RETURN_REMINDER");
        assertThat(timerAt(ticket, "BoundaryEvent_LoanerReturnReminder")).as("three reminders").isNull();

        assertThat(timerAt(ticket, "BoundaryEvent_LoanerOverdue").getDuedate()).isEqualTo(Date.from(returned.plus(Duration.ofDays(7))));
        setClock(returned.plus(Duration.ofDays(7)));
        executeJobAt(ticket, "BoundaryEvent_LoanerOverdue");
        assertThat(ticket).isWaitingAt("Task_ReceiveLoaner", "Task_ChaseLoaner", "Task_AnswerSurvey");
        var chase = taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey("Task_ChaseLoaner").singleResult();
        assertThat(chase).hasCandidateGroup(REPAIR_CENTRE);
        assertRejected(ticket, "Task_ChaseLoaner", LOANER_CHASE_NOTES, () -> complete(ticket, "Task_ChaseLoaner", Map.of()));
        complete(ticket, "Task_ChaseLoaner", Map.of(LOANER_CHASE_NOTES, "Spoke to the owner; returns it Friday."));

        assertThat(timerAt(ticket, "BoundaryEvent_LoanerEscalated").getDuedate()).isEqualTo(Date.from(returned.plus(Duration.ofDays(14))));
        setClock(returned.plus(Duration.ofDays(14)));
        executeJobAt(ticket, "BoundaryEvent_LoanerEscalated");
        var decide = taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey("Task_DecideUnreturnedLoaner")
                .singleResult();
        assertThat(decide).hasCandidateGroup(MANAGERS);
        complete(ticket, "Task_DecideUnreturnedLoaner", Map.of(LOANER_DECISION, "KEEP_CHASING",
                LOANER_DECISION_NOTES, "The merchant promised to send it this week."));
        // the manager is asked again after another escalation period, until the loaner is back or written off
        assertThat(ticket).isWaitingAt("Task_ReceiveLoaner", "TimerEvent_LoanerDecideAgain");
        assertThat(timerAt(ticket, "TimerEvent_LoanerDecideAgain").getDuedate())
                .isEqualTo(Date.from(returned.plus(Duration.ofDays(28))));
        setClock(returned.plus(Duration.ofDays(28)));
        executeJobAt(ticket, "TimerEvent_LoanerDecideAgain");
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey("Task_DecideUnreturnedLoaner")
                .count()).isEqualTo(1);
        // the loaner comes back meanwhile: the decision is no longer needed
        complete(ticket, "Task_ReceiveLoaner", Map.of(LOANER_RETURNED, true));
        assertThat(ticket).hasPassed("EndEvent_LoanerBack").isNotWaitingAt("Task_DecideUnreturnedLoaner", "Task_ReceiveLoaner");
        assertThat(variable(ticket, LOANER_OUT)).isEqualTo(false);

        // another ticket: the manager writes the loaner off, and the ticket no longer waits for it
        ProcessInstance second = repairedWithLoanerOut(Instant.parse("2026-11-26T03:00:00Z"));
        setClock(Instant.parse("2026-11-26T03:00:00Z").plus(Duration.ofDays(14)));
        executeJobAt(second, "BoundaryEvent_LoanerEscalated");
        assertRejected(second, "Task_DecideUnreturnedLoaner", LOANER_DECISION, () -> complete(second,
                "Task_DecideUnreturnedLoaner", Map.of(LOANER_DECISION, "FORGET_IT", LOANER_DECISION_NOTES, "Not a decision.")));
        complete(second, "Task_DecideUnreturnedLoaner", Map.of(LOANER_DECISION, "WRITE_OFF",
                LOANER_DECISION_NOTES, "The shop closed; the loaner is lost."));
        assertThat(second).hasPassed("EndEvent_LoanerWrittenOff").isNotWaitingAt("Task_ReceiveLoaner");
        assertThat(lendings.of(second.getBusinessKey()).orElseThrow().writtenOffAt()).isEqualTo(Instant.parse("2026-11-26T03:00:00Z").plus(Duration.ofDays(14)));
        assertThat(variable(second, LOANER_OUT)).isEqualTo(false);
        executeJobAt(second, "Task_CheckSoftwareVersion");
        survey(second);
        executeJobAt(second, "Task_CloseTicket");
        assertThat(second).isEnded();
    }

    /** Sends the survey, and the merchant answers it (the loaner task runs alongside). */
    private void survey(ProcessInstance ticket) {
        executeJobAt(ticket, "Task_SendSurvey");
        complete(ticket, "Task_AnswerSurvey", Map.of(SURVEY_SCORE, 5));
        executeJobAt(ticket, "Task_RecordEvaluation");
    }
}
