package org.posmaintenance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.posmaintenance.model.ModelContract;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser whose language is Chinese (zh-CN, as the service staff's are) gets Camunda's web applications in
 * Chinese: Tasklist's login and main page for a technician, Cockpit's dashboard for a manager, and the refusal
 * of a technician in Cockpit in words. The texts are read from the project's locales/zh.json, so that the test
 * checks which language the page shows, not the wording.
 */
class ChineseWebappsBrowserTest extends BrowserTestBase {

    @Autowired
    private ObjectMapper json;
    @Autowired
    private org.camunda.bpm.engine.IdentityService identityService;

    @Override
    protected String browserLanguage() {
        return "zh-CN";
    }

    @Test
    void aTechnicianWorksInTasklistInChinese() throws IOException {
        driver().get(appUrl("tasklist"));
        waitUp().withMessage("Tasklist's login page in Chinese").until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("form button[type=submit]"), zh("tasklist", "PAGE_LOGIN_SIGN_IN_ACTION")));

        logIn("tasklist", "tom", "tom-demo", "Tom Technician");
        waitUp().withMessage("Tasklist's header in Chinese").until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), zh("tasklist", "START_PROCESS")));
        assertThat(driver().findElement(By.tagName("body")).getText()).doesNotContain("Start process");
    }

    @Test
    void aManagerSeesCockpitInChineseAndATechnicianIsToldWhyHeCannotEnter() throws IOException {
        logIn("cockpit", "mary", "mary-demo", "Mary Manager");
        waitUp().withMessage("Cockpit's navigation in Chinese").until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), zh("cockpit", "COCKPIT_PROCESSES")));

        driver().manage().deleteAllCookies();
        submitLogin("cockpit", "tom", "tom-demo");
        waitUp().withMessage("the refusal in Chinese").until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), zh("cockpit", "PAGE_LOGIN_ERROR_MSG")));
    }

    /**
     * The technician works a ticket in Chinese: the task's form shows the ticket in words (no codes), a too short note
     * is refused by the form in Chinese, the appointment on a Saturday by the server in words (no engine code), and
     * the refusal goes once he corrects the field.
     */
    @Test
    void aTechnicianConfirmsTheDiagnosisAndAgreesTheVisitInChinese() throws IOException {
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        String ticketNumber = ticket.getBusinessKey();
        Task diagnosis = task(ticket, ModelContract.TASK_CONFIRM_DIAGNOSIS);
        logIn("tasklist", "tom", "tom-demo", "Tom Technician");

        openAndClaim(diagnosis);
        By notes = new ByChained(field("textarea", "诊断说明"), By.tagName("textarea"));
        clickable(notes);
        String form = text(visible(By.cssSelector(".fjs-form")));
        assertThat(form).contains("工单 " + ticketNumber, "Lotus Tea House", "打印机", "保修期内，至 2027-06-30", "首次响应时限",
                "Receipts come out blank");
        assertThat(form).as("codes and ids on screen").doesNotContain("PRINTER", "NORMAL", "REMOTE", "ON_SITE", "HOTLINE", "null");
        choose("严重程度", "紧急（无法收款）");
        choose("维修方式", "上门维修");
        clickable(notes).clear();
        clickable(notes).sendKeys("短", Keys.TAB);
        waitUp().withMessage("the form refuses the short note in Chinese").until(ExpectedConditions.textToBePresentInElementLocated(
                new ByChained(field("textarea", "诊断说明"), By.cssSelector(".fjs-form-field-error")), "至少需要 5 个字。"));
        clickable(notes).sendKeys("：读卡器接触不良，需上门更换。");
        complete();
        waitUp().withMessage("diagnosis confirmed").until(browser -> taskService.createTaskQuery().taskId(diagnosis.getId()).count() == 0);

        Task visit = task(ticket, ModelContract.TASK_SCHEDULE_VISIT);
        openAndClaim(visit);
        By address = new ByChained(field("textfield", "上门地址"), By.tagName("input"));
        waitUp().withMessage("the shop's address filled in").until(ExpectedConditions.attributeToBe(address, "value", "上海市黄浦区南京东路 299 号"));
        By appointment = new ByChained(field("textfield", "预约上门时间"), By.tagName("input"));
        clickable(appointment).sendKeys("2026-11-28 10:00"); // a Saturday
        complete();
        WebElement refusal = visible(By.cssSelector(".notifications .alert-danger"));
        assertThat(text(refusal)).contains("预约上门时间：必须在服务时间内（工作日 08:00–18:00，北京时间）")
                .doesNotContain("ENGINE", "Field", "visitAppointment", "Exception", visit.getProcessDefinitionId());
        org.openqa.selenium.Rectangle notice = refusal.getRect();
        org.openqa.selenium.Rectangle button = driver().findElement(By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)="
                + xpathLiteral(zh("tasklist", "COMPLETE")) + "]")).getRect();
        assertThat(notice.x < button.x + button.width && button.x < notice.x + notice.width
                && notice.y < button.y + button.height && button.y < notice.y + notice.height)
                .as("the refusal %s covers the Complete button %s", notice, button).isFalse();

        clickable(appointment).clear();
        clickable(appointment).sendKeys("2026-11-30 10:00"); // the Monday after
        waitUp().withMessage("the refusal goes once the field is corrected")
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".notifications .alert-danger"), 0));
        complete();
        waitUp().withMessage("visit agreed").until(browser -> taskService.createTaskQuery().taskId(visit.getId()).count() == 0);
        assertThat(record(ticket).visitAt()).isEqualTo(java.time.Instant.parse("2026-11-30T02:00:00Z"));
    }

    /** A manager's Cockpit dashboard shows the service levels in Chinese; a breached ticket links to its instance. */
    @Test
    void aManagerSeesTheServiceLevelsOnCockpitsDashboard() {
        ProcessInstance breached = ticketAwaitingDiagnosis(report());
        setClock(record(breached).responseDue().plusSeconds(60));
        executeJobAt(breached, "BoundaryEvent_ResponseSlaBreached");

        logIn("cockpit", "mary", "mary-demo", "Mary Manager");
        driver().get(appUrl("cockpit") + "#/dashboard");
        By section = By.id("pos-sla");
        waitUp().withMessage("the service-level section on the dashboard").until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("pos-sla-open"), "已超时"));
        assertThat(text(visible(section))).contains("服务时限", "未关闭的工单", "有超时风险的工单", "已超时的工单", "首次响应达标")
                .doesNotContain("BREACHED", "ON_TRACK", "DIAGNOSIS", "NORMAL");
        By link = By.xpath("//*[@id='pos-sla-breached']//a[normalize-space(.)=" + xpathLiteral(breached.getBusinessKey()) + "]");
        click(link);
        waitUp().withMessage("the ticket's process instance opens").until(ExpectedConditions.urlContains(
                "#/process-instance/" + breached.getId()));

        // she may only watch: the instance's toolbar actions (cancel, suspend, add variable) are there but not offered
        By toolbarActions = By.cssSelector(".ctn-toolbar [ng-repeat] button, .ctn-toolbar [ng-repeat] a");
        waitUp().withMessage("the toolbar's actions are on the page").until(ExpectedConditions.presenceOfElementLocated(toolbarActions));
        waitUp().withMessage("no toolbar action offered to a manager").until(browser ->
                browser.findElements(toolbarActions).stream().noneMatch(WebElement::isDisplayed));

        // an administrator gets them
        String admin = "cockpitadmin";
        if (identityService.createUserQuery().userId(admin).count() == 0) {
            org.camunda.bpm.engine.identity.User user = identityService.newUser(admin);
            user.setFirstName("Cockpit");
            user.setLastName("Administrator");
            user.setPassword("cockpit-admin-password");
            identityService.saveUser(user);
            identityService.createMembership(admin, ModelContract.ADMINS);
        }
        try {
            driver().manage().deleteAllCookies();
            logIn("cockpit", admin, "cockpit-admin-password", "Cockpit Administrator");
            driver().get(appUrl("cockpit") + "#/process-instance/" + breached.getId() + "/runtime");
            waitUp().withMessage("the toolbar's actions offered to an administrator").until(browser ->
                    browser.findElements(toolbarActions).stream().anyMatch(WebElement::isDisplayed));
        } finally {
            identityService.deleteUser(admin);
        }
    }

    /** The managers' report in Chinese: headings, figures' labels, severities and channels in words. */
    @Test
    void aManagerReadsTheReportInChinese() {
        setClock(WEDNESDAY_10_00.minusSeconds(3600)); // reported before the report's "now"
        ProcessInstance ticket = ticketAwaitingDiagnosis(report());
        confirmDiagnosis(ticket, "URGENT", "REMOTE", false);
        setClock(WEDNESDAY_10_00);

        staffLogIn("mary", "mary-demo", "/reports/");
        waitUp().withMessage("the report's figures in Chinese").until(ExpectedConditions.textToBe(By.id("compliance-title"),
                "服务时限达标情况"));
        waitUp().withMessage("the figures are there").until(browser -> !text(browser.findElement(By.id("kpi-response"))).isEmpty());
        String page = text(visible(By.tagName("body")));
        assertThat(page).contains("首次响应达标", "紧急", "远程支持").doesNotContain("URGENT", "REMOTE", "First response met");
        assertThat(driver().getTitle()).contains("服务时限报表");
    }

    /** Opens the task in Tasklist, as from the task list, and claims it. */
    private void openAndClaim(Task task) throws IOException {
        driver().get(appUrl("tasklist") + "#/?task=" + task.getId());
        click(By.xpath("//*[@cam-tasklist-task]//*[self::button or self::a][normalize-space(.)=" + xpathLiteral(zh("tasklist", "CLAIM_TASK")) + "]"));
        waitUp().withMessage("task claimed by Tom").until(browser -> "tom".equals(
                taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
    }

    private void complete() throws IOException {
        click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)=" + xpathLiteral(zh("tasklist", "COMPLETE")) + "]"));
    }

    private Task task(ProcessInstance ticket, String key) {
        return taskService.createTaskQuery().processInstanceId(ticket.getId()).taskDefinitionKey(key).singleResult();
    }

    /** The Chinese text of a key in the project's translation of the web application. */
    private String zh(String app, String key) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/zh.json";
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)).path("labels").path(key).asText().strip();
            assertThat(text).as(key).isNotBlank().matches(".*[\\u4e00-\\u9fff].*");
            return text;
        }
    }
}
