package org.posmaintenance.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;

/** The three ways to repair, and what each bills. */
class RepairChannelsTest extends ProcessScenarioTest {

    @Test
    void remoteSupportThatDoesNotFixTheFaultSendsATechnicianOnSite() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report(newTerminal(MERCHANT, "3.4.0", "2025-12-31", "RENTAL_WITH_MAINTENANCE")));
        assertThat(record(ticket).warrantyInPeriod()).isFalse();
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "PHONE",
                REMOTE_SESSION_NOTES, "Printer head does not respond.", REMOTE_RESOLVED, false));

        assertThat(ticket).hasPassed("Task_RemoteSupport").isWaitingAt("Task_ScheduleVisit");
        // Saturday 2026-11-28 10:00 Shanghai is outside service hours
        Map<String, Object> saturday = Map.of(VISIT_APPOINTMENT, "2026-11-28T10:00+08:00", VISIT_ADDRESS, "8 Nanjing Road");
        assertRejected(ticket, "Task_ScheduleVisit", VISIT_APPOINTMENT, () -> complete(ticket, "Task_ScheduleVisit", saturday));

        complete(ticket, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2026-11-26T09:30+08:00", VISIT_ADDRESS, "8 Nanjing Road"));
        assertThat(record(ticket).visitAt()).isEqualTo(Instant.parse("2026-11-26T01:30:00Z"));
        assertThat(ticket).isWaitingAt("Task_RepairOnSite");
        // the merchant is told when and where, in Chinese (the demo merchant's language), in Beijing time
        var visit = journal.notifications(ticket.getBusinessKey()).get(1);
        assertThat(visit.kind()).isEqualTo("VISIT_AGREED");
        assertThat(visit.message()).contains("2026-11-26 09:30 (Asia/Shanghai)").contains("8 Nanjing Road").contains("上门维修");
        complete(ticket, "Task_RepairOnSite", Map.of(REPAIR_REPORT, "Replaced the printer head.",
                PARTS_REPLACED, SpinValues.jsonValue("[\"PRINTER_HEAD\"]").create()));
        executeJobAt(ticket, "Task_BillParts");

        assertThat(bill(ticket).warrantyCovered()).isFalse();
        assertThat(billLines(ticket)).containsExactly(
                "PART PRINTER_HEAD 180.00 CHARGED",
                "SERVICE REMOTE 0.00 INCLUDED_IN_RENTAL",
                "SERVICE ON_SITE 0.00 INCLUDED_IN_RENTAL");
        assertThat(bill(ticket).total()).isEqualByComparingTo("180.00");
        assertThat(bill(ticket).warrantyCovered()).isFalse();
    }

    @Test
    void onSiteRepairOfACardReaderWithinWarrantyIsFree() {
        Map<String, Object> report = report();
        report.put(FAULT_CATEGORY, "CARD_READER");
        ProcessInstance ticket = ticketAwaitingDiagnosis(report);
        assertThat(record(ticket).proposedRepairChannel()).isEqualTo("ON_SITE");
        confirmDiagnosis(ticket, "NORMAL", "ON_SITE", false);

        assertThat(ticket).hasNotPassed("Task_RemoteSupport").isWaitingAt("Task_ScheduleVisit");
        complete(ticket, "Task_ScheduleVisit", Map.of(VISIT_APPOINTMENT, "2026-11-25T15:00", VISIT_ADDRESS, "8 Nanjing Road"));
        assertThat(record(ticket).visitAt()).isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
        complete(ticket, "Task_RepairOnSite", Map.of(REPAIR_REPORT, "Replaced the chip reader.",
                PARTS_REPLACED, SpinValues.jsonValue("[\"CARD_READER_IC\"]").create()));
        executeJobAt(ticket, "Task_BillParts");

        assertThat(billLines(ticket)).containsExactly(
                "PART CARD_READER_IC 0.00 WARRANTY", "SERVICE ON_SITE 0.00 WARRANTY");
        assertThat(bill(ticket).total()).isEqualByComparingTo("0.00");
    }

    @Test
    void mailInRepairLendsALoanerAndChargesDamageTheMerchantCaused() {
        Map<String, Object> report = report(newTerminal(MERCHANT, "3.4.0", "2027-06-30", "RENTAL"));
        report.put(FAULT_CATEGORY, "HARDWARE_DAMAGE");
        report.put(FAULT_DESCRIPTION, "The terminal fell off the counter; the display is cracked.");
        ProcessInstance ticket = ticketAwaitingDiagnosis(report);
        assertThat(record(ticket).proposedSeverity()).isEqualTo("MAJOR");
        assertThat(record(ticket).proposedRepairChannel()).isEqualTo("MAIL_IN");
        confirmDiagnosis(ticket, "MAJOR", "MAIL_IN", true);

        assertThat(ticket).isWaitingAt("Task_ReceiveTerminal");
        assertThat(task()).hasCandidateGroup("repaircentre");
        complete(ticket, "Task_ReceiveTerminal", Map.of(SHIPPING_REFERENCE, "SF1234567890", LOANER_SERIAL, "LOAN-A920-007"));
        assertThat(lendings.of(ticket.getBusinessKey()).orElseThrow().lentAt()).isEqualTo(WEDNESDAY_10_00);
        assertThat(lendings.of(ticket.getBusinessKey()).orElseThrow().loanerSerial()).isEqualTo("LOAN-A920-007");
        assertThat(notificationKinds(ticket)).containsExactly("TICKET_RECEIVED", "LOANER_LENT");

        complete(ticket, "Task_RepairAtCentre", Map.of(REPAIR_REPORT, "Replaced display and housing.",
                PARTS_REPLACED, SpinValues.jsonValue("[\"DISPLAY\",\"HOUSING\"]").create()));
        assertRejected(ticket, "Task_ReturnTerminal", RETURN_SHIPPING_REFERENCE,
                () -> complete(ticket, "Task_ReturnTerminal", Map.of(LOANER_RETURNED, true)));
        setClock(WEDNESDAY_10_00.plusSeconds(3 * 86400));
        // the courier brings the repaired terminal and takes the loaner back
        complete(ticket, "Task_ReturnTerminal", Map.of(RETURN_SHIPPING_REFERENCE, "SF0987654321", LOANER_RETURNED, true));
        assertThat(lendings.of(ticket.getBusinessKey()).orElseThrow().returnedAt()).isEqualTo(WEDNESDAY_10_00.plusSeconds(3 * 86400));
        assertThat(variable(ticket, LOANER_OUT)).isEqualTo(false);
        executeJobAt(ticket, "Task_BillParts");

        assertThat(bill(ticket).warrantyCovered()).isFalse();
        assertThat(billLines(ticket)).containsExactly(
                "PART DISPLAY 260.00 CHARGED", "PART HOUSING 75.00 CHARGED", "SERVICE MAIL_IN 80.00 CHARGED");
        assertThat(bill(ticket).total()).isEqualByComparingTo("415.00");
    }

    @Test
    void aPartThatIsNotInThePriceListIsRejected() {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "NORMAL", "MAIL_IN", false);
        complete(ticket, "Task_ReceiveTerminal", Map.of(LOANER_SERIAL, "LOAN-A920-008"));

        Map<String, Object> unknownPart = Map.of(REPAIR_REPORT, "Replaced the flux capacitor.",
                PARTS_REPLACED, SpinValues.jsonValue("[\"FLUX_CAPACITOR\"]").create());
        assertRejected(ticket, "Task_RepairAtCentre", PARTS_REPLACED, () -> complete(ticket, "Task_RepairAtCentre", unknownPart));
    }
}
