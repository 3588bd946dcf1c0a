package org.posmaintenance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
