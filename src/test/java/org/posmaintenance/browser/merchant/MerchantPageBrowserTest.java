package org.posmaintenance.browser.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.posmaintenance.browser.BrowserTestBase;

/**
 * The merchant page ({@code /merchant/}) in a real browser against the real merchant API: a merchant
 * reports a fault, follows the ticket while the service team moves it on, and answers the survey;
 * refusals of the server appear next to the field they concern.
 *
 * <p>The browser runs in UTC on purpose: the page must show every time in Beijing time whatever the
 * merchant's device says.
 */
class MerchantPageBrowserTest extends BrowserTestBase {

    /** Demo data: merchant M-100231 (Lotus Tea House) rents terminal PAX-A920-88003, in warranty until 2027-08-31. */
    static final String DEMO_TERMINAL = "PAX-A920-88003";
    /** Demo data: a terminal of merchant M-100232, not of M-100231. */
    static final String OTHER_MERCHANTS_TERMINAL = "NEW-N910-77001";

    @Override
    protected String browserTimeZone() {
        return "UTC";
    }

    @Test
    void aMerchantReportsAFaultFollowsTheTicketAndAnswersTheSurvey() {
        openPage("/merchant/");
        assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text(By.id("report-title"))).isEqualTo("Report a fault");

        // the merchant reports the fault; a double click sends one report
        type("f-merchantId", MERCHANT);
        type("f-terminalSerial", DEMO_TERMINAL);
        new Select(driver().findElement(By.id("f-faultCategory"))).selectByValue("PRINTER");
        type("f-description", "Receipts come out blank since this morning; paper is loaded.");
        type("f-contactPhone", "+86 21 5555 0101");
        long ticketsBefore = ticketsOf(DEMO_TERMINAL);
        new Actions(driver()).doubleClick(driver().findElement(By.id("report-submit"))).perform();

        visible(By.id("report-result"));
        String ticketNumber = text(By.id("report-ticket-number"));
        assertThat(ticketNumber).matches("SR-20261125-\\d{4}");
        String statusUrl = driver().findElement(By.id("report-follow")).getAttribute("href");
        assertThat(statusUrl).startsWith(baseUrl() + "/merchant/#ticket=" + ticketNumber + "&token=");
        assertThat(text(By.id("report-status-url"))).isEqualTo(statusUrl);
        assertThat(text(By.id("report-result"))).contains("Keep this link");
        assertThat(ticketsOf(DEMO_TERMINAL)).as("tickets of the terminal after a double click").isEqualTo(ticketsBefore + 1);

        ProcessInstance ticket = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ticketNumber).singleResult();
        assertThat(ticket).as("the ticket's process").isNotNull();
        assertThat(variable(ticket, REPORT_CHANNEL)).isEqualTo("ONLINE");
        assertThat(variable(ticket, MERCHANT_ID)).isEqualTo(MERCHANT);
        assertThat(variable(ticket, TERMINAL_SERIAL)).isEqualTo(DEMO_TERMINAL);
        assertThat(variable(ticket, FAULT_CATEGORY)).isEqualTo("PRINTER");
        assertThat(variable(ticket, PAYMENTS_BLOCKED)).isEqualTo(false);

        // the merchant follows the ticket
        click(By.id("report-follow"));
        visible(By.id("ticket-progress"));
        assertThat(text(By.id("ticket-heading"))).isEqualTo("Ticket " + ticketNumber);
        assertThat(currentStage()).isEqualTo("DIAGNOSIS");
        assertThat(text(By.id("ticket-status"))).isEqualTo("Open");
        assertThat(text(By.id("ticket-merchant"))).isEqualTo("Lotus Tea House");
        assertThat(text(By.id("ticket-terminal"))).isEqualTo(DEMO_TERMINAL);
        assertThat(text(By.id("ticket-fault"))).isEqualTo("Printer (paper jam, faint print)");
        // reported at 02:00 UTC, shown in Beijing time although the browser runs in UTC
        assertThat(text(By.id("ticket-reported-at"))).contains("25 Nov 2026").contains("10:00");
        assertThat(notificationKinds()).containsExactly("TICKET_RECEIVED");
        assertThat(text(By.cssSelector("#ticket-notifications li[data-kind='TICKET_RECEIVED'] .what"))).isEqualTo("Report received");
        assertThat(driver().findElement(By.id("ticket-survey")).getAttribute("data-status")).isEqualTo("NOT_YET");

        // the service team diagnoses, repairs remotely, bills, checks the software and sends the survey
        executeJobAt(ticket, "Task_DiagnoseFault");
        confirmDiagnosis(ticket, "NORMAL", "REMOTE", false);
        complete(ticket, "Task_RemoteSupport", Map.of(REMOTE_MEDIUM, "VIDEO",
                REMOTE_SESSION_NOTES, "Cleaned the print head on a video call.", REMOTE_RESOLVED, true));
        billAndCheckSoftware(ticket);
        executeJobAt(ticket, "Task_SendSurvey");

        // the merchant refreshes the ticket: the repair is done and billed, the survey is open
        click(By.id("ticket-refresh"));
        WebElement surveyLink = visible(By.id("ticket-survey-link"));
        assertThat(currentStage()).isEqualTo("FEEDBACK");
        assertThat(text(By.id("ticket-severity"))).isEqualTo("Normal");
        assertThat(text(By.id("ticket-channel"))).isEqualTo("Remote support");
        // the published promise: a first response within 24 hours of the report (Wednesday 10:00 -> Thursday 10:00)
        assertThat(text(By.xpath("//dd[@id='ticket-response-due']/preceding-sibling::dt[1]")))
                .isEqualTo("First response within 24 hours of your report, by");
        assertThat(text(By.id("ticket-response-due"))).contains("26 Nov 2026").contains("10:00");
        assertThat(text(By.id("ticket-resolution-due"))).isNotEqualTo("Not yet determined");
        WebElement billLine = visible(By.cssSelector("#ticket-bill tbody tr[data-code='REMOTE']"));
        assertThat(text(billLine)).contains("Remote technical support", "Service", "Covered by warranty");
        assertThat(text(By.id("bill-total"))).contains("0.00");
        assertThat(notificationKinds()).containsSubsequence("TICKET_RECEIVED", "SURVEY_SENT");
        assertThat(surveyLink.getAttribute("href")).endsWith("#survey=" + ticketNumber + statusUrl.substring(statusUrl.indexOf("&token=")));

        // the merchant answers the survey
        click(By.id("ticket-survey-link"));
        visible(By.id("survey-form"));
        assertThat(text(By.id("survey-ticket"))).contains(ticketNumber);
        click(By.cssSelector("label[for='f-score-5']"));
        assertThat(text(By.id("score-meaning"))).isEqualTo("5 of 5: Very satisfied");
        type("f-comment", "Fixed on a video call within the hour.");
        click(By.id("survey-submit"));
        visible(By.id("survey-thanks"));
        assertThat(text(By.id("survey-thanks"))).contains("Thank you for your evaluation!");

        // the answer reached the ticket, and its evaluation is recorded
        assertThat(taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey("Task_AnswerSurvey").count())
                .as("open survey tasks").isZero();
        assertThat(variable(ticket, SURVEY_SCORE)).isEqualTo(5);
        assertThat(variable(ticket, SURVEY_COMMENT)).isEqualTo("Fixed on a video call within the hour.");
        executeJobAt(ticket, "Task_RecordEvaluation");
        assertThat(variable(ticket, SURVEY_ANSWERED)).isEqualTo(true);
        assertThat(variable(ticket, LOW_SCORE)).isEqualTo(false);
        var evaluation = evaluations.of(ticket.getBusinessKey()).orElseThrow();
        assertThat(evaluation.answered()).isTrue();
        assertThat(evaluation.score()).isEqualTo(5);
        assertThat(evaluation.comment()).isEqualTo("Fixed on a video call within the hour.");
        assertThat(evaluation.lowScore()).isFalse();

        // back on the ticket, the merchant sees the evaluation
        click(By.id("survey-back"));
        waitUp().withMessage("survey shown as answered on the ticket page").until(browser ->
                "ANSWERED".equals(browser.findElement(By.id("ticket-survey")).getAttribute("data-status")));
        assertThat(text(By.id("ticket-survey"))).contains("Thank you for your evaluation: 5 out of 5.");
    }

    @Test
    void aTerminalOfAnotherMerchantIsRefusedNextToTheSerialField() {
        openPage("/merchant/index.html");
        click(By.cssSelector(".lang-button[data-lang='zh-CN']"));
        waitUp().until(browser -> "zh-CN".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(text(By.id("report-title"))).isEqualTo("故障申报");

        type("f-merchantId", MERCHANT);
        type("f-terminalSerial", OTHER_MERCHANTS_TERMINAL);
        new Select(driver().findElement(By.id("f-faultCategory"))).selectByValue("CARD_READER");
        assertThat(new Select(driver().findElement(By.id("f-faultCategory"))).getFirstSelectedOption().getText())
                .isEqualTo("读卡器（磁条、芯片、非接）");
        click(By.id("f-paymentsBlocked"));
        type("f-description", "刷卡时读卡器没有反应，芯片卡和非接都不行。");
        long ticketsBefore = ticketsOf(OTHER_MERCHANTS_TERMINAL);
        click(By.id("report-submit"));

        waitUp().withMessage("the server's refusal next to the terminal serial").until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("err-terminalSerial"), "未被接受："));
        // the same answer as for an unknown merchant or serial: it names neither
        assertThat(text(By.id("err-terminalSerial"))).startsWith("未被接受：").contains("do not match a terminal we look after")
                .doesNotContain(MERCHANT).doesNotContain(OTHER_MERCHANTS_TERMINAL);
        assertThat(driver().findElement(By.id("f-terminalSerial")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().switchTo().activeElement().getAttribute("id")).isEqualTo("f-terminalSerial");
        for (String field : List.of("merchantId", "faultCategory", "description", "contactPhone", "paymentsBlocked")) {
            assertThat(text(By.id("err-" + field))).as("error of " + field).isEmpty();
        }
        assertThat(text(By.id("report-status"))).isEqualTo("请更正标出的内容。");
        assertThat(driver().findElement(By.id("report-result")).isDisplayed()).isFalse();
        assertThat(ticketsOf(OTHER_MERCHANTS_TERMINAL)).as("tickets stored").isEqualTo(ticketsBefore);

        // the language chosen is remembered, the message follows the language
        click(By.cssSelector(".lang-button[data-lang='en']"));
        assertThat(text(By.id("err-terminalSerial"))).startsWith("Not accepted: ");
        assertThat((String) ((JavascriptExecutor) driver()).executeScript("return localStorage.getItem('posMerchant.lang')"))
                .isEqualTo("en");
    }

    @Test
    void aTerminalWithAnOpenTicketGetsTheNumberOfThatTicket() {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        ProcessInstance open = startTicket(report(terminal));
        String openTicket = (String) variable(open, TICKET_NUMBER);

        openPage("/merchant"); // redirected to /merchant/
        waitUp().until(ExpectedConditions.urlToBe(baseUrl() + "/merchant/"));
        type("f-merchantId", MERCHANT);
        type("f-terminalSerial", terminal);
        new Select(driver().findElement(By.id("f-faultCategory"))).selectByValue("PRINTER");
        type("f-description", "The printer still prints nothing at all.");
        click(By.id("report-submit"));

        waitUp().withMessage("the open ticket's number next to the terminal serial").until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("err-terminalSerial"), openTicket));
        assertThat(text(By.id("err-terminalSerial"))).startsWith("This terminal already has an open ticket: " + openTicket);
        assertThat(ticketsOf(terminal)).as("tickets of the terminal").isEqualTo(1);
    }

    @Test
    void aMerchantWhoseTerminalWorksAgainWithdrawsTheReport() {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        openPage("/merchant/");
        type("f-merchantId", MERCHANT);
        type("f-terminalSerial", terminal);
        new Select(driver().findElement(By.id("f-faultCategory"))).selectByValue("NETWORK");
        type("f-description", "The terminal does not connect to the acquirer since the router was changed.");
        click(By.id("report-submit"));
        visible(By.id("report-result"));
        String ticketNumber = text(By.id("report-ticket-number"));
        click(By.id("report-follow"));
        visible(By.id("ticket-withdraw"));

        type("f-withdrawReason", "The router was set up again; payments work.");
        click(By.id("withdraw-start"));
        // a second, deliberate click: the first only asks
        assertThat(text(By.id("withdraw-confirm"))).contains("Withdraw the report for ticket " + ticketNumber);
        assertThat(jdbc.queryForObject("SELECT closed_at FROM ticket WHERE ticket_number = ?", java.sql.Timestamp.class, ticketNumber))
                .as("nothing sent before the confirmation").isNull();
        click(By.id("withdraw-yes"));

        visible(By.id("ticket-cancelled"));
        assertThat(text(By.id("ticket-status"))).isEqualTo("Cancelled");
        assertThat(text(By.id("ticket-cancelled-reason"))).isEqualTo("Reason: The router was set up again; payments work.");
        assertThat(driver().findElements(By.id("ticket-withdraw"))).as("no second withdrawal").isEmpty();
        assertThat(jdbc.queryForObject("SELECT outcome FROM ticket WHERE ticket_number = ?", String.class, ticketNumber))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT ended_by FROM ticket WHERE ticket_number = ?", String.class, ticketNumber))
                .isEqualTo("merchant");
    }

    // ------------------------------------------------------------------ page helpers

    /** Opens a path of the application and waits until the page's script has started. */
    private void openPage(String path) {
        driver().get(baseUrl() + path);
        waitUp().withMessage("merchant page ready").until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    private void type(String id, String value) {
        WebElement field = visible(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Whitespace-normalised visible text. */
    private String text(By locator) {
        return text(driver().findElement(locator));
    }

    private long ticketsOf(String terminalSerial) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE terminal_serial = ?", Long.class, terminalSerial);
    }

    /** The stage the progress indicator marks as current. */
    private String currentStage() {
        return driver().findElement(By.cssSelector("#ticket-progress li[aria-current='step']")).getAttribute("data-stage");
    }

    private List<String> notificationKinds() {
        return driver().findElements(By.cssSelector("#ticket-notifications li[data-kind]")).stream()
                .map(item -> item.getAttribute("data-kind")).toList();
    }
}
