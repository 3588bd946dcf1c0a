package org.posmaintenance.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.io.InputStream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.billing.Bill;
import org.posmaintenance.billing.PartsBilling;
import org.posmaintenance.diagnosis.RepairChannel;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an analyst does in Modeler: change a triage rule, an SLA target and a coverage rule in the
 * decision tables and deploy them. The next tickets follow the new tables, without a change in Java.
 */
class RevisedDecisionTablesTest extends ProcessScenarioTest {

    @Autowired RepositoryService repositoryService;
    @Autowired PartsBilling billing;

    private Deployment revision;

    @AfterEach
    void withdrawTheRevision() {
        if (revision != null) {
            repositoryService.deleteDeployment(revision.getId(), true);
        }
    }

    @Test
    void aNetworkFaultBecomesUrgentWithTwoHoursToRespondOnceTheTablesSaySo() {
        Map<String, Object> report = report();
        report.put(FAULT_CATEGORY, "NETWORK");
        ProcessInstance before = ticketAwaitingDiagnosis(report);
        assertThat(variable(before, SEVERITY)).isEqualTo("NORMAL");
        runtimeService.deleteProcessInstance(before.getId(), "replaced by the test's next ticket");

        DmnModelInstance triage = table("FaultTriage");
        setOutputs(triage, "Rule_Network", "\"URGENT\"", "\"ON_SITE\"");
        DmnModelInstance targets = table("SlaTargets");
        setOutputs(targets, "Rule_Urgent", "\"PT2H\"", "\"ROUND_THE_CLOCK\"", "\"PT6H\"", "\"ROUND_THE_CLOCK\"", "\"PT8H\"",
                "\"CONFIRMED_DIAGNOSIS\"");
        revision = repositoryService.createDeployment().name("Analyst's revision")
                .addModelInstance("FaultTriage.dmn", triage)
                .addModelInstance("SlaTargets.dmn", targets)
                .deploy();

        Map<String, Object> next = report();
        next.put(FAULT_CATEGORY, "NETWORK");
        ProcessInstance ticket = ticketAwaitingDiagnosis(next);

        assertThat(variable(ticket, SEVERITY)).isEqualTo("URGENT");
        assertThat(variable(ticket, REPAIR_CHANNEL)).isEqualTo("ON_SITE");
        // reported Wednesday 10:00 Shanghai: 2 hours round the clock, the warning at 75 % = 90 minutes
        assertThat(timerAt(ticket, "BoundaryEvent_ResponseSlaBreached").getDuedate())
                .isEqualTo(Date.from(WEDNESDAY_10_00.plusSeconds(2 * 3600)));
        assertThat(timerAt(ticket, "BoundaryEvent_ResponseSlaAtRisk").getDuedate())
                .isEqualTo(Date.from(WEDNESDAY_10_00.plusSeconds(90 * 60)));
        assertThat(task()).hasDueDate(Date.from(WEDNESDAY_10_00.plusSeconds(2 * 3600)));

        Instant confirmed = WEDNESDAY_10_00.plusSeconds(1800);
        setClock(confirmed);
        confirmDiagnosis(ticket, "URGENT", "ON_SITE", false);
        assertThat(variable(ticket, RESOLUTION_DUE)).isEqualTo(Date.from(confirmed.plusSeconds(6 * 3600)));
        assertThat(variable(ticket, RESOLUTION_EXTENDED_DUE)).isEqualTo(Date.from(confirmed.plusSeconds(14 * 3600)));
        assertThat(ticket).isWaitingAt("Task_ScheduleVisit");
    }

    @Test
    void partsOfRentedTerminalsWithMaintenanceAreFreeOnceTheCoverageTableSaysSo() {
        PartsBilling.Repair repair = new PartsBilling.Repair(List.of("BATTERY"), Set.of(RepairChannel.ON_SITE), false, false, true);
        assertThat(billing.bill(repair).total()).isEqualByComparingTo("110.00");

        DmnModelInstance coverage = table("WarrantyCoverage");
        // "Repair work on a rented terminal with maintenance" becomes "parts and work on ...": any line kind
        InputEntry lineKind = coverage.getModelElementById("Rule_RentalMaintenance_LineKind");
        lineKind.getText().setTextContent("");
        revision = repositoryService.createDeployment().name("Analyst's revision")
                .addModelInstance("WarrantyCoverage.dmn", coverage).deploy();

        Bill bill = billing.bill(repair);
        assertThat(bill.lines()).extracting(Bill.Line::basis).containsOnly(Bill.Basis.INCLUDED_IN_RENTAL);
        assertThat(bill.total()).isEqualByComparingTo("0");
    }

    private static DmnModelInstance table(String key) {
        InputStream file = RevisedDecisionTablesTest.class.getResourceAsStream("/models/" + key + ".dmn");
        return Dmn.readModelFromStream(file);
    }

    private static void setOutputs(DmnModelInstance model, String ruleId, String... outputs) {
        Rule rule = model.getModelElementById(ruleId);
        List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
        assertThat(entries).hasSize(outputs.length);
        for (int i = 0; i < outputs.length; i++) {
            entries.get(i).getText().setTextContent(outputs[i]);
        }
    }
}
