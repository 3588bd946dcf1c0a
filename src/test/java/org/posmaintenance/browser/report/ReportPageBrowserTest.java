package org.posmaintenance.browser.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.posmaintenance.browser.BrowserTestBase;

/** A manager logged into Cockpit opens the report page and sees this week's SLA compliance; others do not. */
class ReportPageBrowserTest extends BrowserTestBase {

    private static Instant at(String shanghaiLocalTime) {
        return LocalDateTime.parse(shanghaiLocalTime).atZone(ZoneId.of(SERVICE_TIME_ZONE)).toInstant();
    }

    @Test
    void aManagerLoggedIntoCockpitSeesThisWeeksCompliance() {
        // this week (Monday 10 May 2027): one first response on time, one late
        setClock(at("2027-05-10T09:00"));
        ProcessInstance onTime = ticketAwaitingDiagnosis(report());
        setClock(at("2027-05-10T09:30"));
        confirm(onTime, "tom", "NORMAL");
        setClock(at("2027-05-11T20:00"));
        Map<String, Object> terminalDown = report();
        terminalDown.put(FAULT_CATEGORY, "TERMINAL_DOWN");
        terminalDown.put(PAYMENTS_BLOCKED, true);
        ProcessInstance late = ticketAwaitingDiagnosis(terminalDown);
        setClock(at("2027-05-11T23:00"));
        confirm(late, "tina", "URGENT");
        setClock(at("2027-05-12T10:00"));

        staffLogIn("mary", "mary-demo", "/reports/");

        waitUp().withMessage("the first-response compliance of this week")
                .until(ExpectedConditions.textToBe(By.id("kpi-response"), "50.0%"));
        assertThat(text(visible(By.id("kpi-response-detail")))).isEqualTo("1 met, 1 missed, 0 open");
        assertThat(text(visible(By.id("kpi-tickets")))).isEqualTo("2");
        assertThat(text(visible(By.id("pauses-summary")))).isEqualTo("Paused repair clock (waiting on the merchant): none.");
        assertThat(text(visible(By.id("period-shown"))))
                .startsWith("From 2027-05-10 00:00 to 2027-05-12 10:00 (Asia/Shanghai)");
        assertThat(visible(By.id("f-from")).getAttribute("value")).isEqualTo("2027-05-10");
        assertThat(text(visible(By.xpath("//table[@id='table-compliance']//tr[th='Technician: tina']/td[2]"))))
                .as("tina's first responses met").isEqualTo("0.0%");
        // the charts are drawn by ECharts from its webjar
        visible(By.cssSelector("#chart-severity canvas"));
    }

    @Test
    void withoutALoginOrAsATechnicianThePageShowsNoFigures() {
        driver().get(baseUrl() + "/reports/");
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "You are not logged in"));
        assertThat(visible(By.linkText("Log in")).getAttribute("href")).endsWith("/login/?next=%2Freports%2F");
        assertThat(driver().findElement(By.id("report")).isDisplayed()).isFalse();

        // a wrong password keeps the login page, with the message
        driver().findElement(By.linkText("Log in")).click();
        visible(By.id("f-username")).sendKeys("tom");
        driver().findElement(By.id("f-password")).sendKeys("not-his-password");
        driver().findElement(By.id("login-submit")).click();
        waitUp().until(ExpectedConditions.textToBe(By.id("login-status"), "Wrong user ID or password."));

        staffLogIn("tom", "tom-demo", "/reports/");
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "for managers only"));
        assertThat(driver().findElement(By.id("report")).isDisplayed()).isFalse();
    }

    private void confirm(ProcessInstance ticket, String technician, String severity) {
        var task = taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey("Task_ConfirmDiagnosis")
                .singleResult();
        taskService.claim(task.getId(), technician);
        taskService.complete(task.getId(), Map.of(SEVERITY, severity, REPAIR_CHANNEL, "REMOTE",
                MERCHANT_CAUSED_DAMAGE, false, DIAGNOSIS_NOTES, "Checked with the merchant by phone."));
    }
}
