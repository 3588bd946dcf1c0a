package org.posmaintenance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.posmaintenance.model.ModelContract.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.posmaintenance.identity.TasklistFilters;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A technician confirms a ticket's diagnosis in Camunda Tasklist, in a real browser: finds the task in
 * the shared filter with its due date, claims it, fills the Camunda Form and completes it.
 */
class TasklistBrowserTest extends BrowserTestBase {

    /** How Tasklist writes a date in full: "LLLL" of the date locale in Camunda's locales/en.json. */
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm", Locale.ENGLISH);

    /**
     * The fault, then the technician's choices, which differ from what the triage proposed, and the task
     * the ticket waits at afterwards.
     */
    static Stream<Arguments> diagnoses() {
        return Stream.of(
                // a printer fault: proposed NORMAL / REMOTE
                Arguments.of("PRINTER", "重大（系统崩溃、硬件损坏）", "MAJOR",
                        "上门维修", "ON_SITE", true, "Task_ScheduleVisit"),
                // a card reader fault: proposed NORMAL / ON_SITE
                Arguments.of("CARD_READER", "紧急（无法收款）", "URGENT",
                        "远程支持（视频/电话）", "REMOTE", false, "Task_RemoteSupport"));
    }

    @ParameterizedTest(name = "{0}: {2} by {4} -> {6}")
    @MethodSource("diagnoses")
    void aTechnicianConfirmsTheDiagnosisInTasklist(String faultCategory, String severityLabel, String severity,
            String channelLabel, String channel, boolean merchantCausedDamage, String nextTask) {
        Map<String, Object> report = report();
        report.put(FAULT_CATEGORY, faultCategory);
        ProcessInstance ticket = ticketAwaitingDiagnosis(report);
        String ticketNumber = (String) variable(ticket, TICKET_NUMBER);
        Task task = taskService.createTaskQuery().processInstanceId(ticket.getId())
                .taskDefinitionKey("Task_ConfirmDiagnosis").singleResult();
        assertThat(task.getDueDate()).as("due date of the diagnosis").isNotNull();
        String notes = "Checked " + faultCategory + " with the merchant by phone; " + channel + " repair planned.";

        logIn("tasklist", "tom", "tom-demo", "Tom Technician");

        // the shared filter lists the ticket's task with its due date
        String groupTasks = xpathLiteral(TasklistFilters.GROUP_TASKS);
        click(By.xpath("//*[@cam-tasklist-filters]//*[contains(@class, 'task-filter')]//a[contains(normalize-space(.), "
                + groupTasks + ")]"));
        visible(By.xpath("//*[@cam-tasklist-filters]//*[contains(@class, 'task-filter') and contains(@class, 'active')]"
                + "//a[contains(normalize-space(.), " + groupTasks + ")]"));
        By listItem = By.xpath("//*[@cam-tasks]//li[contains(@class, 'task')][.//*[contains(normalize-space(.), '"
                + ticketNumber + "')]]");
        assertThat(text(visible(listItem))).contains(task.getName(), "POS 终端售后维修", ticketNumber, "Lotus Tea House");
        assertThat(text(visible(new ByChained(listItem, By.cssSelector(".due-date"))))).as("due date in the task list")
                .startsWith("Due ");
        String fullDueDate = LONG_DATE.withZone(ZoneId.of(browserTimeZone())).format(task.getDueDate().toInstant());
        waitUp().withMessage("the task list's due date in full (tooltip) is " + fullDueDate).until(ExpectedConditions.attributeToBe(
                new ByChained(listItem, By.cssSelector(".due-date [uib-tooltip]")), "uib-tooltip", fullDueDate));

        // open and claim it
        click(new ByChained(listItem, By.xpath(".//a[normalize-space(.)=" + xpathLiteral(task.getName()) + "]")));
        visible(By.xpath("//*[@cam-tasklist-task]//*[self::h2 or self::h3][normalize-space(.)=" + xpathLiteral(task.getName()) + "]"));
        click(By.xpath("//*[@cam-tasklist-task]//*[self::button or self::a][normalize-space(.)='Claim']"));
        waitUp().withMessage("task claimed by Tom in Tasklist").until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[cam-tasklist-task-meta] .assignee"), "Tom Technician"));
        waitUp().withMessage("task claimed by Tom in the engine")
                .until(browser -> "tom".equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));

        // fill the Camunda Form, once Tasklist shows it enabled for the assignee
        By notesField = new ByChained(field("textarea", "诊断说明"), By.tagName("textarea"));
        By damage = By.cssSelector(".fjs-form .fjs-form-field-checkbox input[type=checkbox]");
        clickable(notesField);
        assertThat(text(visible(By.cssSelector(".fjs-form"))))
                .contains("工单 " + ticketNumber, "Lotus Tea House", "Receipts come out blank", "Service hotline")
                .as("facts in the browser's language, in words").doesNotContain("HOTLINE", faultCategory);
        choose("严重程度", severityLabel);
        choose("维修方式", channelLabel);
        if (clickable(damage).isSelected() != merchantCausedDamage) {
            click(damage);
        }
        clickable(notesField).clear();
        clickable(notesField).sendKeys(notes);
        assertThat(selected("严重程度")).isEqualTo(severityLabel);
        assertThat(selected("维修方式")).isEqualTo(channelLabel);
        assertThat(driver().findElement(damage).isSelected()).as("damage caused by the merchant").isEqualTo(merchantCausedDamage);
        assertThat(driver().findElement(notesField).getAttribute("value")).isEqualTo(notes);

        click(By.xpath("//*[@cam-tasklist-task]//button[normalize-space(.)='Complete']"));
        waitUp().withMessage("task completed (no error shown in Tasklist)").until(browser -> {
            List<WebElement> errors = browser.findElements(By.cssSelector(".notifications .alert-danger"));
            if (!errors.isEmpty() && errors.get(0).isDisplayed()) {
                throw new AssertionError("Tasklist reports an error: " + text(errors.get(0)));
            }
            return taskService.createTaskQuery().taskId(task.getId()).count() == 0;
        });

        // the engine moved the ticket on, with what the technician chose
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(ticket)
                .hasPassed("Task_ConfirmDiagnosis").isWaitingAt(nextTask);
        assertThat(variable(ticket, SEVERITY)).isEqualTo(severity);
        assertThat(variable(ticket, REPAIR_CHANNEL)).isEqualTo(channel);
        assertThat(variable(ticket, MERCHANT_CAUSED_DAMAGE)).isEqualTo(merchantCausedDamage);
        assertThat(variable(ticket, DIAGNOSIS_NOTES)).isEqualTo(notes);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
                .as("completed by").isEqualTo("tom");
    }
}
