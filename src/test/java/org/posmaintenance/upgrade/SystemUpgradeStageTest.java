package org.posmaintenance.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.posmaintenance.ProcessScenarioTest;

/** A terminal behind the latest software is upgraded after the repair, when the merchant has closed. */
class SystemUpgradeStageTest extends ProcessScenarioTest {

    @Test
    void theMerchantMayAgreeAtTheRemoteSessionToBeUpgradedRightAway() {
        String terminal = newTerminal(MERCHANT, "3.2.1", "2027-06-30", "PURCHASE"); // the shop is open (Wednesday 10:00)
        ProcessInstance ticket = ticketAwaitingDiagnosis(report(terminal));
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO", REMOTE_SESSION_NOTES, "Fixed on a video call.",
                REMOTE_RESOLVED, true, UPGRADE_NOW, true));
        billAndCheckSoftware(ticket);

        // the window opens at once: the job executor fires the timer now, and the technician upgrades within the hour
        Instant now = ClockUtil.getCurrentTime().toInstant();
        assertThat(timerAt(ticket, "TimerEvent_UpgradeWindowOpens").getDuedate()).isEqualTo(Date.from(now));
        assertThat(dueJobActivities(ticket)).contains("TimerEvent_UpgradeWindowOpens");
        executeJobAt(ticket, "TimerEvent_UpgradeWindowOpens");
        assertThat(ticket).isWaitingAt("Task_UpgradeTerminal");
        assertThat(task()).hasDueDate(Date.from(now.plus(Duration.ofHours(1))));
        var planned = journal.notifications(ticket.getBusinessKey()).stream().filter(n -> n.kind().equals("UPGRADE_PLANNED"))
                .findFirst().orElseThrow();
        assertThat(planned.message()).contains("立即").doesNotContain("营业时间之外");
        assertThat(taskEntries.of(ticket.getBusinessKey()).get(1).fields()).as("the choice is kept with the ticket")
                .contains("\"upgradeNow\":true");
    }

    @Test
    void anOutdatedTerminalIsUpgradedAfterTheMerchantCloses() {
        String terminal = newTerminal(MERCHANT, "3.2.1", "2027-06-30", "PURCHASE"); // merchant open 09:00-21:00
        ProcessInstance ticket = ticketRepairedRemotely(report(terminal));

        assertThat(variable(ticket, UPGRADE_NEEDED)).isEqualTo(true);
        assertThat(variable(ticket, LATEST_SOFTWARE_VERSION)).isEqualTo("3.4.0");
        assertThat(ticket).isWaitingAt("TimerEvent_UpgradeWindowOpens");
        Instant closes = Instant.parse("2026-11-25T13:00:00Z");  // Wednesday 21:00 Shanghai
        Instant opens = Instant.parse("2026-11-26T01:00:00Z");   // Thursday 09:00 Shanghai
        assertThat(timerAt(ticket, "TimerEvent_UpgradeWindowOpens").getDuedate()).isEqualTo(Date.from(closes));
        // the merchant is told the window
        var planned = journal.notifications(ticket.getBusinessKey()).stream().filter(n -> n.kind().equals("UPGRADE_PLANNED"))
                .findFirst().orElseThrow();
        assertThat(planned.message()).contains("2026-11-25 21:00 (Asia/Shanghai)").contains("2026-11-26 09:00 (Asia/Shanghai)")
                .contains("软件升级");

        setClock(closes.minusSeconds(60));
        assertThat(dueJobActivities(ticket)).isEmpty();
        setClock(closes);
        executeJobAt(ticket, "TimerEvent_UpgradeWindowOpens");
        assertThat(ticket).isWaitingAt("Task_UpgradeTerminal");
        assertThat(task()).hasCandidateGroup("technicians").hasDueDate(Date.from(opens));

        assertRejected(ticket, "Task_UpgradeTerminal", INSTALLED_VERSION,
                () -> complete(ticket, "Task_UpgradeTerminal", Map.of(INSTALLED_VERSION, "3.3.9")));
        setClock(closes.plusSeconds(1800));
        complete(ticket, "Task_UpgradeTerminal", Map.of(INSTALLED_VERSION, "3.4.0", UPGRADE_NOTES, "Upgraded over 4G."));

        assertThat(record(ticket).installedVersion()).isEqualTo("3.4.0");
        assertThat(jdbc.queryForObject("SELECT software_version FROM terminal WHERE serial = ?", String.class, terminal))
                .as("the terminal's record").isEqualTo("3.4.0");
        assertThat(variable(ticket, UPGRADED_AT)).isEqualTo(Date.from(closes.plusSeconds(1800)));
        assertThat(ticket).hasPassed("Task_UpgradeTerminal", "Task_SendSurvey").isWaitingAt("Task_AnswerSurvey");
        assertThat(record(ticket).stage()).isEqualTo("FEEDBACK");
    }

    @Test
    void withoutOpeningHoursTheUpgradeWaitsForTheNightWindow() {
        Map<String, Object> report = report(newTerminal(MERCHANT_WITHOUT_HOURS, "3.3", "2027-06-30", "PURCHASE"));
        report.put(MERCHANT_ID, MERCHANT_WITHOUT_HOURS);
        ProcessInstance ticket = ticketRepairedRemotely(report);

        assertThat(variable(ticket, UPGRADE_WINDOW_START)).isEqualTo(Date.from(Instant.parse("2026-11-25T14:00:00Z")));
        assertThat(variable(ticket, UPGRADE_WINDOW_END)).isEqualTo(Date.from(Instant.parse("2026-11-25T22:00:00Z")));
    }
}
