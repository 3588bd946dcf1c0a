package org.posmaintenance.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;
import org.posmaintenance.merchant.MerchantDirectory;
import org.posmaintenance.merchant.Terminal;
import org.posmaintenance.ticket.InvalidTicketInputException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outcomes of a repair besides "repaired", as BPMN errors the model catches: a part not in stock is
 * ordered (the merchant told the plan and the new estimated time) and the repair goes on where it
 * stopped; a terminal beyond repair is replaced, and the replacement becomes the merchant's terminal.
 * None of them is an incident.
 */
class RepairOutcomesTest extends ProcessScenarioTest {

    @Autowired MerchantDirectory directory;

    @Test
    void aPartNotInStockOnSiteIsOrderedThenTheTechnicianComesAgain() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "ON_SITE", false);
        complete(ticket, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2026-11-26T09:30+08:00", VISIT_ADDRESS, "8 Nanjing Road"));

        assertRejected(ticket, "Task_RepairOnSite", PART_NEEDED, () -> complete(ticket, "Task_RepairOnSite",
                Map.of(REPAIR_OUTCOME, "PART_UNAVAILABLE", REPAIR_REPORT, "The display is cracked; none in the van.")));
        assertRejected(ticket, "Task_RepairOnSite", REPAIR_OUTCOME, () -> complete(ticket, "Task_RepairOnSite",
                Map.of(REPAIR_OUTCOME, "GAVE_UP", REPAIR_REPORT, "The display is cracked; none in the van.")));
        complete(ticket, "Task_RepairOnSite", Map.of(REPAIR_OUTCOME, "PART_UNAVAILABLE",
                REPAIR_REPORT, "The display is cracked; none in the van.", PART_NEEDED, "DISPLAY"));

        assertThat(ticket).hasPassed("BoundaryEvent_PartUnavailableOnSite").isWaitingAt("Task_OrderPart");
        assertThat(task()).hasCandidateGroup(REPAIR_CENTRE);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(ticket.getId()).count()).isZero();
        assertThat(variable(ticket, REPAIR_SITE)).isEqualTo("ON_SITE");
        assertThat(variable(ticket, PART_NEEDED)).isEqualTo("DISPLAY");

        assertRejected(ticket, "Task_OrderPart", PART_EXPECTED_ON, () -> complete(ticket, "Task_OrderPart",
                Map.of(SUPPLIER_ORDER_REFERENCE, "PO-7781", PART_EXPECTED_ON, "2026-11-20")));
        // delivery on Friday 27th: repaired by the end of the next service day, Monday 30th 18:00
        complete(ticket, "Task_OrderPart", Map.of(SUPPLIER_ORDER_REFERENCE, "PO-7781", PART_EXPECTED_ON, "2026-11-27"));
        assertThat(record(ticket).resolutionEta()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(notificationKinds(ticket)).containsExactly("TICKET_RECEIVED", "VISIT_AGREED", "PART_ORDERED");

        assertRejected(ticket, "Task_ReceivePart", PART_RECEIVED, () -> complete(ticket, "Task_ReceivePart", Map.of()));
        complete(ticket, "Task_ReceivePart", Map.of(PART_RECEIVED, true));
        assertThat(ticket).isWaitingAt("Task_ScheduleVisit");
        complete(ticket, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2026-11-30T09:30+08:00", VISIT_ADDRESS, "8 Nanjing Road"));
        complete(ticket, "Task_RepairOnSite", Map.of(REPAIR_OUTCOME, "REPAIRED", REPAIR_REPORT, "Replaced the display.",
                PARTS_REPLACED, SpinValues.jsonValue("[\"DISPLAY\"]").create()));
        executeJobAt(ticket, "Task_BillParts");
        assertThat(billLines(ticket)).containsExactly("PART DISPLAY 0.00 WARRANTY", "SERVICE ON_SITE 0.00 WARRANTY");
    }

    @Test
    void aPartNotInStockAtTheCentreIsOrderedThenTheCentreRepairsIt() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "MAIL_IN", false);
        complete(ticket, "Task_ReceiveTerminal", Map.of(LOANER_SERIAL, "LOAN-A920-031"));
        complete(ticket, "Task_RepairAtCentre", Map.of(REPAIR_OUTCOME, "PART_UNAVAILABLE",
                REPAIR_REPORT, "The mainboard is burnt.", PART_NEEDED, "MAINBOARD"));

        assertThat(ticket).hasPassed("BoundaryEvent_PartUnavailableAtCentre").isWaitingAt("Task_OrderPart");
        assertThat(variable(ticket, REPAIR_SITE)).isEqualTo("CENTRE");
        complete(ticket, "Task_OrderPart", Map.of(SUPPLIER_ORDER_REFERENCE, "PO-7782", PART_EXPECTED_ON, "2026-12-02"));
        complete(ticket, "Task_ReceivePart", Map.of(PART_RECEIVED, true));
        assertThat(ticket).isWaitingAt("Task_RepairAtCentre");
    }

    @Test
    void aTerminalBeyondRepairIsReplacedAndTheMerchantPaysForDamageHeCaused() {
        String broken = newTerminal(MERCHANT, "3.2.1", "2027-06-30", "RENTAL");
        ProcessInstance ticket = ticketAwaitingDiagnosis(report(broken));
        confirmDiagnosis(ticket, "MAJOR", "MAIL_IN", true);
        complete(ticket, "Task_ReceiveTerminal", Map.of(LOANER_SERIAL, "LOAN-A920-032"));
        complete(ticket, "Task_RepairAtCentre", Map.of(REPAIR_OUTCOME, "BEYOND_REPAIR", REPAIR_REPORT, "Water damage everywhere."));

        assertThat(ticket).hasPassed("BoundaryEvent_BeyondRepairAtCentre").isWaitingAt("Task_ReplaceTerminal");
        assertThat(task()).hasCandidateGroup(REPAIR_CENTRE);
        String taken = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "RENTAL");
        assertRejected(ticket, "Task_ReplaceTerminal", REPLACEMENT_SERIAL, () -> complete(ticket, "Task_ReplaceTerminal",
                Map.of(REPLACEMENT_SERIAL, taken, REPLACEMENT_SHIPPING_REFERENCE, "SF1110001")));
        String replacement = "REPL-" + broken;
        complete(ticket, "Task_ReplaceTerminal", Map.of(REPLACEMENT_SERIAL, replacement, REPLACEMENT_SHIPPING_REFERENCE, "SF1110001"));

        Terminal old = directory.terminal(broken).orElseThrow();
        Terminal next = directory.terminal(replacement).orElseThrow();
        assertThat(old.replacedBy()).isEqualTo(replacement);
        assertThat(next.merchantId()).isEqualTo(MERCHANT);
        assertThat(next.softwareVersion()).as("ships with the latest software").isEqualTo("3.4.0");
        assertThat(next.warrantyUntil()).isEqualTo(old.warrantyUntil());
        assertThat(next.contract()).isEqualTo(old.contract());
        assertThat(variable(ticket, TERMINAL_SERIAL)).isEqualTo(replacement);
        assertThat(notificationKinds(ticket)).containsExactly("TICKET_RECEIVED", "LOANER_LENT", "TERMINAL_REPLACED");
        assertThat(journal.notifications(ticket.getBusinessKey()).get(2).message())
                .startsWith("终端 " + broken + " 无法修复，将由终端 " + replacement + " 替换");
        assertThat(record(ticket).replacementSerial()).isEqualTo(replacement);

        executeJobAt(ticket, "Task_BillParts");
        assertThat(billLines(ticket)).containsExactly("PART TERMINAL_REPLACEMENT 1280.00 CHARGED", "SERVICE MAIL_IN 80.00 CHARGED");
        executeJobAt(ticket, "Task_CheckSoftwareVersion");
        assertThat(variable(ticket, UPGRADE_NEEDED)).as("the replacement is current").isEqualTo(false);
        // the merchant still has the loaner: it is collected after the repair
        assertThat(ticket).isWaitingAt("Task_ReceiveLoaner");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> startTicket(report(broken)))
                .isInstanceOf(InvalidTicketInputException.class).hasMessageContaining("was replaced by terminal " + replacement);
    }

    @Test
    void aTerminalBeyondRepairOnSiteWithinWarrantyIsReplacedFreeOfCharge() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "ON_SITE", false);
        complete(ticket, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2026-11-26T09:30+08:00", VISIT_ADDRESS, "8 Nanjing Road"));
        complete(ticket, "Task_RepairOnSite", Map.of(REPAIR_OUTCOME, "BEYOND_REPAIR", REPAIR_REPORT, "The mainboard is burnt out."));
        assertThat(ticket).hasPassed("BoundaryEvent_BeyondRepairOnSite").isWaitingAt("Task_ReplaceTerminal");
        complete(ticket, "Task_ReplaceTerminal", Map.of(REPLACEMENT_SERIAL, "REPL-ONSITE-0001", REPLACEMENT_SHIPPING_REFERENCE, "SF1110002"));
        executeJobAt(ticket, "Task_BillParts");
        assertThat(billLines(ticket)).containsExactly("PART TERMINAL_REPLACEMENT 0.00 WARRANTY", "SERVICE ON_SITE 0.00 WARRANTY");
        assertThat(variable(ticket, SLA_STATE)).as("the replacement ends the repair").isEqualTo("MET");
    }
}
