package org.posmaintenance.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;

/** A failing automated step is retried with back-off, then raised as an incident; the person's work stays done. */
class BillingFailureTest extends ProcessScenarioTest {

    @Test
    void aBillThatCannotBeComputedIsRetriedThenBecomesAnIncidentAndCanBeRetriedOnceFixed() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "PHONE",
                REMOTE_SESSION_NOTES, "Fixed by phone.", REMOTE_RESOLVED, true));
        // the repair used a part that has left the price list since (the work record is as it was then)
        setWorkParts(ticket, "RETIRED_PART");

        Instant now = WEDNESDAY_10_00;
        // the first attempt, then a retry after 1, 5 and 20 minutes (failed-job-retry-time-cycle)
        long[] backOffMinutes = {1, 5, 20};
        for (int attempt = 0; attempt < 4; attempt++) {
            Job job = billingJob(ticket);
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("RETIRED_PART");
            Job failed = billingJob(ticket);
            assertThat(failed.getRetries()).isEqualTo(3 - attempt);
            if (attempt < 3) {
                assertThat(failed.getDuedate()).isEqualTo(Date.from(now.plusSeconds(60 * backOffMinutes[attempt])));
                assertThat(runtimeService.createIncidentQuery().processInstanceId(ticket.getId()).count()).isZero();
            }
        }
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(ticket.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_BillParts");
        assertThat(incident.getIncidentMessage()).contains("RETIRED_PART");
        assertThat(taskEntries.of(ticket.getBusinessKey())).as("the technician's work is kept")
                .anySatisfy(entry -> assertThat(entry.fields()).contains("\"remoteSessionNotes\":\"Fixed by phone.\""));

        assertThat(bills.of(ticket.getBusinessKey())).as("no half-written bill").isEmpty();

        // the part is back in the price list (here: the record names a part the list has), and a manager retries
        setWorkParts(ticket, "PRINTER_ROLLER");
        managementService.setJobRetries(billingJob(ticket).getId(), 1);
        managementService.executeJob(billingJob(ticket).getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(ticket.getId()).count()).isZero();
        assertThat(ticket).hasPassed("Task_BillParts", "Task_CheckSoftwareVersion", "Task_SendSurvey").isWaitingAt("Task_AnswerSurvey");
        assertThat(billLines(ticket)).containsExactly("PART PRINTER_ROLLER 0.00 WARRANTY", "SERVICE REMOTE 0.00 WARRANTY");
    }

    private void setWorkParts(ProcessInstance ticket, String parts) {
        assertThat(jdbc.update("UPDATE ticket_repair_work SET parts = ? WHERE ticket_number = ?", parts, ticket.getBusinessKey()))
                .isEqualTo(1);
    }

    private Job billingJob(ProcessInstance ticket) {
        return managementService.createJobQuery().processInstanceId(ticket.getId()).activityId("Task_BillParts").singleResult();
    }
}
