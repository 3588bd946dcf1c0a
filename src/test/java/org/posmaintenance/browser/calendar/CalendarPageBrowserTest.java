package org.posmaintenance.browser.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.posmaintenance.browser.BrowserTestBase;
import org.posmaintenance.sla.calendar.CalendarDays;
import org.posmaintenance.sla.calendar.CalendarStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager logged in on the staff login opens the holiday calendar page, sees the official 2026 days and the provisional
 * 2027 ones, enters the 2027 notice through the page (a refused line first, then a CSV file), clears a day, and
 * finds both in the record of changes; without a login, or as a technician, the page shows no calendar.
 *
 * <p>The tests share one database: whatever 2027 notice another test entered is set aside for this test (so that
 * 2027 starts provisional) and put back afterwards.
 */
class CalendarPageBrowserTest extends BrowserTestBase {

    private static final int YEAR = 2027;

    @Autowired private CalendarStore store;
    @Autowired private CalendarDays calendarDays;

    private Optional<CalendarStore.Notice> noticeBefore = Optional.empty();
    private Path csvFile;

    @BeforeEach
    void startWithoutANoticeFor2027() {
        noticeBefore = store.notice(YEAR);
        removeNotice(YEAR);
    }

    @AfterEach
    void putBackTheNoticeFor2027() throws IOException {
        removeNotice(YEAR);
        noticeBefore.ifPresent(notice -> store.replaceNotice(YEAR, notice.notice(), notice.days(), notice.enteredBy(),
                notice.enteredAt()));
        calendarDays.changed();
        if (csvFile != null) {
            Files.deleteIfExists(csvFile);
        }
    }

    @Test
    void aManagerEntersTheNoticeFor2027AndClearsADay() throws IOException {
        staffLogIn("mary", "mary-demo", "/calendar/");

        // on 25 November 2026 the official days end with 2026: the page asks for the 2027 notice
        WebElement coverage = visible(By.id("coverage"));
        assertThat(coverage.getAttribute("data-state")).isEqualTo("WARNING");
        assertThat(text(coverage)).contains("The official holidays entered end on 2026-12-31")
                .contains("holiday notice for 2027");

        // 2026: the official notice that comes with the application
        showYear(2026);
        assertThat(text(visible(By.id("year-source")))).startsWith("Official notice");
        assertThat(cells("2026-10-01")).containsExactly("2026-10-01", "Thursday", "Holiday", "国庆节 National Day", "Change Clear");
        assertThat(cells("2026-09-20")).startsWith("2026-09-20", "Sunday", "Make-up workday");

        // 2027: provisional, the statutory holidays on weekdays; single days cannot be changed yet
        click(By.id("year-next"));
        waitUp().until(ExpectedConditions.textToBe(By.id("year-title"), "Holiday calendar 2027"));
        assertThat(text(visible(By.id("year-source"))))
                .startsWith("Provisional Statutory holidays only, no official notice yet.");
        assertThat(cells("2027-01-01")).containsExactly("2027-01-01", "Friday", "Holiday (provisional)", "元旦 New Year's Day");
        assertThat(all(By.cssSelector("#days button"))).isEmpty();
        assertThat(text(visible(By.id("notice-title")))).isEqualTo("Enter the official notice for 2027");
        assertThat(visible(By.id("f-days")).getAttribute("value"))
                .as("the form starts from the days shown").startsWith("date,kind,name\n2027-01-01,HOLIDAY,元旦 New Year's Day\n");

        // a make-up workday on a Wednesday is refused: the page says which line, and keeps what was typed
        String notice = "State Council notice on the " + YEAR + " public holidays, no. " + ThreadLocalRandom.current().nextInt(100, 1000);
        type(By.id("f-notice"), notice);
        String typed = "2027-01-01,HOLIDAY,New Year's Day\n"
                + "2027-02-07,WORKDAY,Spring Festival (make-up workday)\n"
                + "2027-02-10,WORKDAY,Spring Festival (make-up workday)";
        type(By.id("f-days"), typed);
        click(By.id("notice-submit"));
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("err-days"), "Line 3: 2027-02-10 is a WEDNESDAY"));
        assertThat(text(visible(By.id("notice-status")))).startsWith("Not accepted: 2027-02-10 is a WEDNESDAY");
        assertThat(driver().findElement(By.id("notice-status")).getAttribute("role")).isEqualTo("alert");
        assertThat(driver().findElement(By.id("f-days")).getAttribute("value")).isEqualTo(typed);
        assertThat(driver().findElement(By.id("f-days")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().findElement(By.id("f-notice")).getAttribute("value")).isEqualTo(notice);
        assertThat(text(visible(By.id("year-source")))).startsWith("Provisional");

        // the notice imported from a CSV file instead
        csvFile = Files.createTempFile("holidays-2027-", ".csv");
        Files.writeString(csvFile, String.join("\n",
                "date,kind,name",
                "2027-01-01,HOLIDAY,元旦 New Year's Day",
                "2027-02-06,HOLIDAY,春节 Spring Festival",
                "2027-02-07,WORKDAY,春节 Spring Festival (make-up workday)",
                "2027-02-08,HOLIDAY,春节 Spring Festival",
                "2027-10-01,HOLIDAY,国庆节 National Day", ""), StandardCharsets.UTF_8);
        driver().findElement(By.id("f-file")).sendKeys(csvFile.toAbsolutePath().toString());
        waitUp().until(ExpectedConditions.attributeContains(By.id("f-days"), "value", "2027-10-01,HOLIDAY,国庆节 National Day"));
        assertThat(text(visible(By.id("file-info")))).startsWith("Read 6 lines from holidays-2027-");
        click(By.id("notice-submit"));

        waitUp().withMessage("2027 shown as official after the notice was saved")
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("year-source"), notice));
        assertThat(text(visible(By.id("year-source")))).startsWith("Official notice " + notice + " (entered by mary, 2026-11-25 10:00)");
        assertThat(text(visible(By.id("year-result"))))
                .matches("The official notice for 2027 is saved\\. \\d+ tickets?'s? deadlines moved \\(.*\\)\\.");
        assertThat(all(By.cssSelector("#days tbody tr")).stream().map(row -> row.getAttribute("data-date")).toList())
                .as("exactly the days of the notice").containsExactly("2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-10-01");
        assertThat(cells("2027-01-01")).containsExactly("2027-01-01", "Friday", "Holiday", "元旦 New Year's Day", "Change Clear");
        assertThat(cells("2027-02-07")).startsWith("2027-02-07", "Sunday", "Make-up workday");
        assertThat(text(visible(By.id("notice-title")))).isEqualTo("Replace the official notice for 2027");
        assertThat(visible(By.id("coverage")).getAttribute("data-state")).isEqualTo("OK");
        assertThat(text(visible(By.id("coverage-text")))).isEqualTo("Official holidays entered until " + officialUntil() + ".");
        WebElement entered = visible(By.cssSelector("#changes li:first-child"));
        assertThat(entered.getAttribute("data-action")).isEqualTo("NOTICE_ENTERED");
        assertThat(text(entered)).contains("Notice entered by mary").contains(notice)
                .contains("4 holidays, 1 make-up workdays");

        // a day cleared: the reason is asked for and recorded
        click(By.cssSelector("#days tr[data-date='2027-10-01'] button[data-action='clear']"));
        assertThat(text(visible(By.id("day-dialog-title")))).isEqualTo("Clear 2027-10-01");
        click(By.id("day-submit"));
        waitUp().until(ExpectedConditions.textToBe(By.id("err-day-reason"), "Please fill in this field."));
        type(By.id("f-day-reason"), "The branch offices open on National Day this year");
        click(By.id("day-submit"));
        waitUp().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#days tr[data-date='2027-10-01']"), 0));
        assertThat(driver().findElement(By.id("day-dialog")).isDisplayed()).isFalse();
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("year-result"), "2027-10-01 is a regular day again."));
        WebElement cleared = visible(By.cssSelector("#changes li:first-child"));
        assertThat(cleared.getAttribute("data-action")).isEqualTo("DAY_CLEARED");
        assertThat(text(cleared)).contains("Day cleared by mary").contains("The branch offices open on National Day this year");
        assertThat(all(By.cssSelector("#changes li")).get(1).getAttribute("data-action")).isEqualTo("NOTICE_ENTERED");

        // the same page in Chinese
        click(By.cssSelector(".lang-button[data-lang='zh-CN']"));
        waitUp().until(ExpectedConditions.textToBe(By.id("year-title"), "2027 年节假日安排"));
        assertThat(cells("2027-02-07")).startsWith("2027-02-07", "星期日", "调休上班");
        assertThat(text(visible(By.cssSelector("#changes li:first-child")))).contains("mary：清除日期");
    }

    @Test
    void withoutALoginOrAsATechnicianThePageShowsNoCalendar() {
        driver().get(baseUrl() + "/calendar/");
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "You are not logged in"));
        assertThat(visible(By.linkText("Log in")).getAttribute("href")).endsWith("/login/?next=%2Fcalendar%2F");
        assertThat(driver().findElement(By.id("content")).isDisplayed()).isFalse();

        staffLogIn("tom", "tom-demo", "/calendar/");
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "may use the holiday calendar"));
        assertThat(driver().findElement(By.id("content")).isDisplayed()).isFalse();
    }

    private void showYear(int year) {
        WebElement field = visible(By.id("f-year"));
        field.clear();
        field.sendKeys(String.valueOf(year));
        click(By.id("year-show"));
        waitUp().until(ExpectedConditions.textToBe(By.id("year-title"), "Holiday calendar " + year));
    }

    private void type(By locator, String value) {
        WebElement field = visible(locator);
        field.clear();
        field.sendKeys(value);
    }

    /** The texts of a day's row: date, weekday, kind, name (and the buttons of an official year). */
    private List<String> cells(String date) {
        WebElement row = visible(By.cssSelector("#days tr[data-date='" + date + "']"));
        return row.findElements(By.cssSelector("th, td")).stream().map(BrowserTestBase::text).toList();
    }

    /** The last day the official notices cover from 2026 on, as the page says it. */
    private String officialUntil() {
        int year = YEAR;
        while (store.notice(year + 1).isPresent()) {
            year++;
        }
        return year + "-12-31";
    }

    private void removeNotice(int year) {
        jdbc.update("DELETE FROM service_calendar_day WHERE calendar_year = ?", year);
        jdbc.update("DELETE FROM service_calendar_year WHERE calendar_year = ?", year);
        calendarDays.changed();
    }
}
