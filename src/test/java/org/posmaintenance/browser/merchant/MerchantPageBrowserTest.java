package org.posmaintenance.browser.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.posmaintenance.browser.BrowserTestBase;
import org.posmaintenance.testing.Mailbox;
import org.posmaintenance.testing.MerchantSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The merchant page ({@code /merchant/}) in a real browser against the real merchant API: a merchant
 * confirms who they are with the one-time code mailed to them (GreenMail), reports a fault, follows the
 * ticket while the service team moves it on, and answers the survey; refusals of the server appear next
 * to the field they concern; a verified merchant opens their tickets without the link.
 *
 * <p>The browser runs in UTC on purpose: the page must show every time in Beijing time whatever the
 * merchant's device says. Its clock also runs days ahead of the application's test clock: the page must
 * leave the end of a session to the server then.
 */
class MerchantPageBrowserTest extends BrowserTestBase {

    /** Demo data: merchant M-100231 (Lotus Tea House) rents terminal PAX-A920-88003, in warranty until 2027-08-31. */
    static final String DEMO_TERMINAL = "PAX-A920-88003";
    /** Demo data: a terminal of merchant M-100232, not of M-100231. */
    static final String OTHER_MERCHANTS_TERMINAL = "NEW-N910-77001";
    /** Where the page keeps the merchant session: this tab only. */
    static final String SESSION_KEY = "posMerchant.session";

    @Autowired TestRestTemplate http;

    @Override
    protected String browserTimeZone() {
        return "UTC";
    }

    @BeforeEach
    void emptyMailbox() {
        Mailbox.clear(); // also starts the SMTP server before the first code is sent
    }

    @Test
    void aMerchantReportsAFaultFollowsTheTicketAndAnswersTheSurvey() {
        openPage("/merchant/");
        assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text(By.id("report-title"))).isEqualTo("Report a fault");

        // first the merchant proves who they are: the code goes to the registered contact, not to the page
        assertThat(driver().findElement(By.id("report-form")).isDisplayed()).as("report form before the code").isFalse();
        assertThat(text(By.id("verify-intro"))).startsWith("Before you report a fault, confirm that you are the merchant");
        String verificationId = askForCode(MERCHANT);
        WebElement codeField = driver().findElement(By.id("f-code"));
        assertThat(codeField.getAttribute("inputmode")).isEqualTo("numeric");
        assertThat(codeField.getAttribute("autocomplete")).isEqualTo("one-time-code");
        // the same words whether the id is registered or not; the code's validity in Beijing time (02:10 UTC)
        assertThat(text(By.id("verify-status"))).isEqualTo("If merchant ID " + MERCHANT + " is registered with us, we sent a"
                + " 6-digit code to the contact registered for it. The code is valid until Wed, 25 Nov 2026, 10:10.");
        type("f-code", Mailbox.codeOf(verificationId));
        click(By.id("verify-confirm"));
        visible(By.id("report-form"));
        assertThat(text(By.id("verified-merchant"))).isEqualTo("Verified merchant: Lotus Tea House (M-100231) Not you? Log out");
        assertThat(driver().findElement(By.id("verify-form")).isDisplayed()).isFalse();
        assertThat(driver().switchTo().activeElement().getAttribute("id")).isEqualTo("f-terminalSerial");
        assertThat(script("return sessionStorage.getItem('" + SESSION_KEY + "')")).as("session kept in this tab")
                .contains("\"token\":").contains("\"merchantId\":\"" + MERCHANT + "\"");
        assertThat(script("return localStorage.getItem('" + SESSION_KEY + "')")).as("never kept beyond the tab").isNull();

        // the merchant reports the fault; a double click sends one report
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
        assertThat(registry.ofProcess(ticket.getId()).report().channel()).isEqualTo("ONLINE");
        assertThat(variable(ticket, MERCHANT_ID)).isEqualTo(MERCHANT);
        assertThat(variable(ticket, TERMINAL_SERIAL)).isEqualTo(DEMO_TERMINAL);
        assertThat(variable(ticket, FAULT_CATEGORY)).isEqualTo("PRINTER");
        assertThat(registry.ofProcess(ticket.getId()).report().paymentsBlocked()).isFalse();

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
        assertThat(text(billLine)).contains("Remote technical support", "Service", "Covered by warranty").doesNotContain("REMOTE");
        // in Chinese the items are words too, not the price list's codes
        click(By.cssSelector(".lang-button[data-lang='zh-CN']"));
        waitUp().until(browser -> browser.findElement(By.cssSelector("#ticket-bill tbody tr[data-code='REMOTE']")).getText()
                .contains("远程技术支持"));
        click(By.cssSelector(".lang-button[data-lang='en']"));
        waitUp().until(browser -> browser.findElement(By.cssSelector("#ticket-bill tbody tr[data-code='REMOTE']")).getText()
                .contains("Remote technical support"));
        assertThat(text(By.id("bill-total"))).contains("0.00");
        assertThat(notificationKinds()).containsSubsequence("TICKET_RECEIVED", "SURVEY_SENT");
        surveyLink = visible(By.id("ticket-survey-link")); // the page was drawn again in the other language
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
        executeJobAt(ticket, "Task_RecordEvaluation"); // and the closing, in the same transaction
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ticket.getId()).count()).as("running").isZero();
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

        String verificationId = askForCode(MERCHANT);
        assertThat(text(By.id("verify-status"))).startsWith("如果商户编号 " + MERCHANT + " 已在我们这里登记，验证码（6 位数字）已发送至其登记的联系方式");
        type("f-code", Mailbox.codeOf(verificationId));
        click(By.id("verify-confirm"));
        visible(By.id("report-form"));
        assertThat(text(By.id("verified-merchant"))).startsWith("已验证商户： Lotus Tea House (M-100231)").endsWith("不是您本人？退出");

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
        assertThat(text(By.id("err-terminalSerial"))).startsWith("未被接受：").contains("商户编号与终端序列号不对应我们维护的任何终端")
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
        assertThat(script("return localStorage.getItem('posMerchant.lang')")).isEqualTo("en");
    }

    @Test
    void aTerminalWithAnOpenTicketGetsTheNumberOfThatTicket() {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        ProcessInstance open = startTicket(report(terminal));
        String openTicket = (String) variable(open, TICKET_NUMBER);

        openPage("/merchant"); // redirected to /merchant/
        waitUp().until(ExpectedConditions.urlToBe(baseUrl() + "/merchant/"));
        verifyAs(MERCHANT);
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
        verifyAs(MERCHANT);
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

    @Test
    void aMerchantVerifiesInAFreshBrowserAndOpensTheirTicketFromTheList() {
        // a ticket the hotline recorded: this browser never saw its link
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        String ticketNumber = (String) variable(startTicket(report(terminal)), TICKET_NUMBER);

        openPage("/merchant/");
        click(By.id("nav-follow"));
        assertThat(text(By.id("ticket-heading"))).isEqualTo("Follow a ticket");
        assertThat(text(By.id("verify-intro"))).startsWith("To see all tickets of your merchant ID, confirm that you are the merchant");
        assertThat(driver().findElement(By.id("my-tickets")).isDisplayed()).isFalse();

        // a wrong code is refused next to the code field
        String verificationId = askForCode(MERCHANT);
        String code = Mailbox.codeOf(verificationId);
        type("f-code", code.equals("000000") ? "000001" : "000000");
        click(By.id("verify-confirm"));
        waitUp().withMessage("the refusal next to the code field").until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("err-code"), "This code is not right or no longer valid"));
        assertThat(driver().findElement(By.id("f-code")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().switchTo().activeElement().getAttribute("id")).isEqualTo("f-code");
        assertThat(text(By.id("err-merchantId"))).isEmpty();
        assertThat(driver().findElement(By.id("verified-merchant")).isDisplayed()).isFalse();
        assertThat(script("return sessionStorage.getItem('" + SESSION_KEY + "')")).isNull();

        // the right code: the merchant's tickets, newest first, in Beijing time
        type("f-code", code);
        click(By.id("verify-confirm"));
        WebElement row = visible(By.cssSelector("#my-tickets li[data-ticket='" + ticketNumber + "']"));
        assertThat(text(By.id("verified-merchant"))).startsWith("Verified merchant: Lotus Tea House (M-100231)");
        assertThat(driver().findElement(By.id("verify-form")).isDisplayed()).isFalse();
        assertThat(text(row)).contains("Terminal " + terminal + " · Printer (paper jam, faint print)")
                .contains("Reported Wed, 25 Nov 2026, 10:00").contains("Open · Diagnosis");
        assertThat(all(By.cssSelector("#my-tickets li[data-ticket]"))).extracting(item -> item.getAttribute("data-ticket"))
                .as("the merchant's tickets only").allSatisfy(number ->
                        assertThat(registry.find(number).orElseThrow().merchantId()).isEqualTo(MERCHANT));

        // the ticket opens with the session: no key in the address
        click(By.cssSelector("#my-tickets li[data-ticket='" + ticketNumber + "'] a.ticket-link"));
        visible(By.id("ticket-progress"));
        assertThat(driver().getCurrentUrl()).endsWith("/merchant/#ticket=" + ticketNumber);
        assertThat(text(By.id("ticket-heading"))).isEqualTo("Ticket " + ticketNumber);
        assertThat(text(By.id("ticket-terminal"))).isEqualTo(terminal);
        assertThat(text(By.id("ticket-reported-at"))).contains("25 Nov 2026").contains("10:00");
        assertThat(driver().findElement(By.id("my-tickets-link")).isDisplayed()).isTrue();
        String session = sessionToken();

        // "Not you? Log out": the session ends on the server too, and the ticket asks for a code again
        click(By.id("logout"));
        waitUp().withMessage("the verification asked for again").until(
                ExpectedConditions.visibilityOfElementLocated(By.id("verify-form")));
        assertThat(text(By.id("verify-intro"))).startsWith("To open ticket " + ticketNumber + " without its link");
        assertThat(driver().findElements(By.id("ticket-progress"))).isEmpty();
        assertThat(driver().findElement(By.id("verified-merchant")).isDisplayed()).isFalse();
        assertThat(script("return sessionStorage.getItem('" + SESSION_KEY + "')")).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ticketListWith(session)).as("the list with the ended session").isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void anEndedSessionAsksForANewCodeAndKeepsTheReport() {
        String terminal = newTerminal(MERCHANT, "3.4.0", "2027-06-30", "PURCHASE");
        openPage("/merchant/");
        verifyAs(MERCHANT);
        type("f-terminalSerial", terminal);
        new Select(driver().findElement(By.id("f-faultCategory"))).selectByValue("POWER");
        type("f-description", "The terminal switches off after a few minutes on battery.");

        // the merchant comes back to the page after more than the session's eight hours
        setClock(WEDNESDAY_10_00.plus(Duration.ofHours(8)).plusSeconds(60));
        click(By.id("report-submit"));
        visible(By.id("verify-form"));
        assertThat(text(By.id("verify-notice"))).isEqualTo("Your confirmation has ended. Please confirm again with a new code;"
                + " what you typed in the report is kept, and you can send it afterwards.");
        assertThat(driver().findElement(By.id("report-form")).isDisplayed()).isFalse();
        assertThat(driver().findElement(By.id("verified-merchant")).isDisplayed()).isFalse();
        assertThat(driver().findElement(By.id("f-merchantId")).getAttribute("value")).isEqualTo(MERCHANT);
        assertThat(ticketsOf(terminal)).as("nothing reported without a session").isZero();

        // a new code, and the report as it was typed goes out
        String verificationId = askForCode(MERCHANT);
        type("f-code", Mailbox.codeOf(verificationId));
        click(By.id("verify-confirm"));
        visible(By.id("report-form"));
        assertThat(driver().findElement(By.id("f-terminalSerial")).getAttribute("value")).isEqualTo(terminal);
        assertThat(driver().findElement(By.id("f-description")).getAttribute("value"))
                .isEqualTo("The terminal switches off after a few minutes on battery.");
        click(By.id("report-submit"));
        visible(By.id("report-result"));
        assertThat(ticketsOf(terminal)).isEqualTo(1);
        assertThat(registry.find(text(By.id("report-ticket-number"))).orElseThrow().merchantId()).isEqualTo(MERCHANT);
    }

    // ------------------------------------------------------------------ page helpers

    /**
     * The merchant confirms who they are as on the page: merchant ID, "Send code", the code from the mail sent to the
     * merchant's registered address, "Confirm".
     */
    private void verifyAs(String merchantId) {
        String verificationId = askForCode(merchantId);
        type("f-code", Mailbox.codeOf(verificationId));
        click(By.id("verify-confirm"));
        visible(By.id("verified-merchant"));
    }

    /**
     * Types the merchant ID and presses "Send code"; returns the verification the page started (the page keeps its
     * id on the form), which names the code's mail.
     */
    private String askForCode(String merchantId) {
        type("f-merchantId", merchantId);
        click(By.id("verify-send"));
        visible(By.id("f-code"));
        String verificationId = driver().findElement(By.id("verify-form")).getAttribute("data-verification-id");
        assertThat(verificationId).as("the verification the page started").isNotBlank();
        return verificationId;
    }

    /** The session token the page keeps for this tab. */
    private String sessionToken() {
        String stored = script("return JSON.parse(sessionStorage.getItem('" + SESSION_KEY + "')).token");
        assertThat(stored).as("session token in sessionStorage").isNotBlank();
        return stored;
    }

    /** The answer of the merchant API's ticket list to this session. */
    private HttpStatus ticketListWith(String session) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(MerchantSessions.HEADER, session);
        return HttpStatus.valueOf(http.exchange("/api/merchant/tickets", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode().value());
    }

    private String script(String script) {
        return (String) ((JavascriptExecutor) driver()).executeScript(script);
    }

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
