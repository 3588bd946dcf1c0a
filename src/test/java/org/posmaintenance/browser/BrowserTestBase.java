package org.posmaintenance.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.posmaintenance.ProcessScenarioTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the real-browser tests: the application under test on its random port, and for each test
 * a fresh headless Chromium (Debian's {@code chromium} and {@code chromium-driver} packages, never a
 * downloaded browser or driver) that is quit after the test. A failing test leaves a screenshot and
 * the page source under {@code target/browser-screenshots/} (see {@link BrowserFailureRecorder}).
 *
 * <p>The browser speaks American English and runs in the service region's time zone (Asia/Shanghai),
 * so that Tasklist and Cockpit show dates as the people at the hotline see them; a test may choose
 * another zone ({@link #browserTimeZone()}). Camunda's web apps show their login page, not the
 * first-administrator setup page, because the {@code test} profile creates an administrator
 * ({@code camunda.bpm.admin-user}).
 */
@Tag("browser")
@ExtendWith(BrowserFailureRecorder.class)
public abstract class BrowserTestBase extends ProcessScenarioTest {

    private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
    /** Where the service team works; the browser's default time zone. */
    protected static final String SERVICE_TIME_ZONE = "Asia/Shanghai";
    protected static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;

    private WebDriver driver;
    private Path profile;

    /** The time zone (TZ) the browser runs in. */
    protected String browserTimeZone() {
        return SERVICE_TIME_ZONE;
    }

    /** The browser's language (its first accepted language, which Camunda's web applications follow). */
    protected String browserLanguage() {
        return "en-US";
    }

    @BeforeEach
    void openBrowser() throws IOException {
        requireExecutable(CHROMIUM, "the browser");
        requireExecutable(CHROMEDRIVER, "the browser driver");
        // the driver's path is given, so Selenium Manager is skipped; were it ever run, it must stay offline
        System.setProperty("SE_OFFLINE", "true");

        profile = Files.createTempDirectory("pos-browser-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1600,1000", "--lang=" + browserLanguage(), "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", browserLanguage()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", browserTimeZone()))
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteProfile();
        }
    }

    /** The open browser, or null before it is opened and after it is closed. */
    protected WebDriver driver() {
        return driver;
    }

    /**
     * A fresh explicit wait (so that one wait's message never sticks to the next) that tries again while
     * the page re-renders the element it looks at.
     */
    protected FluentWait<WebDriver> waitUp() {
        return new WebDriverWait(driver, TIMEOUT)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class);
    }

    /** The application under test, without a trailing slash: {@code http://localhost:<port>}. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected String appUrl(String app) {
        return baseUrl() + "/camunda/app/" + app + "/default/";
    }

    /** Opens one of Camunda's web apps (tasklist, cockpit, admin) and submits its login form. */
    protected void submitLogin(String app, String user, String password) {
        driver.get(appUrl(app));
        waitUp().withMessage(() -> app + " shows its login page (not the first-administrator setup page)")
                .until(ExpectedConditions.urlContains("#/login"));
        WebElement passwordField = waitUp().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form input[type=password]")));
        WebElement userField = driver.findElement(By.cssSelector("form input[type=text]"));
        userField.clear();
        userField.sendKeys(user);
        passwordField.clear();
        passwordField.sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    /** Logs in and waits until the app shows the user's full name in its header. */
    protected void logIn(String app, String user, String password, String fullName) {
        submitLogin(app, user, password);
        waitUp().withMessage(() -> user + " logged into " + app + " (header shows '" + fullName + "')")
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.account .dropdown-toggle"), fullName));
    }

    /**
     * Logs in on the staff login of the application's own pages ({@code /login/}), as a manager would before the report
     * or the holiday calendar, and waits until the login page sends the browser on to {@code next}.
     */
    protected void staffLogIn(String user, String password, String next) {
        driver.get(baseUrl() + "/login/?next=" + next);
        WebElement userField = visible(By.id("f-username"));
        userField.clear();
        userField.sendKeys(user);
        WebElement passwordField = driver.findElement(By.id("f-password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        waitUp().withMessage(() -> user + " logged in and sent on to " + next)
                .until(ExpectedConditions.urlToBe(baseUrl() + next));
    }

    protected WebElement visible(By locator) {
        return waitUp().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected WebElement clickable(By locator) {
        return waitUp().until(ExpectedConditions.elementToBeClickable(locator));
    }

    /** Clicks the element once it can be clicked, finding it again if the page re-rendered it meanwhile. */
    protected void click(By locator) {
        waitUp().withMessage(() -> "click on " + locator).until(browser -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(browser);
            if (element == null) {
                return false;
            }
            scrollIntoView(element);
            element.click();
            return true;
        });
    }

    protected void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Whitespace-normalised visible text. */
    protected static String text(WebElement element) {
        return element.getText().replaceAll("\\s+", " ").trim();
    }

    /** XPath literal for any text, also with apostrophes ("My group's tasks"). */
    protected static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** The form-js field of this type (select, textarea, ...) whose label starts with this text. */
    protected static By field(String type, String label) {
        return By.xpath("//*[contains(@class, 'fjs-form')]//*[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field-"
                + type + " ')][.//label[starts-with(normalize-space(.), " + xpathLiteral(label) + ")]]");
    }

    /** Picks an option of a form-js select: open its dropdown, click the option. */
    protected void choose(String label, String option) {
        click(new ByChained(field("select", label), By.cssSelector(".fjs-input-group")));
        click(new ByChained(field("select", label), By.xpath(
                ".//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space(.)=" + xpathLiteral(option) + "]")));
        waitUp().withMessage(label + " shows '" + option + "'").until(browser -> option.equals(selected(label)));
    }

    /** What a form-js select shows as chosen. */
    protected String selected(String label) {
        return text(driver().findElement(new ByChained(field("select", label), By.cssSelector(".fjs-select-display"))));
    }

    protected List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    private static void requireExecutable(String path, String what) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException("The browser tests need " + what + " at " + path + ", which is missing. "
                    + "Install Debian's packages: apt-get update && apt-get install -y chromium chromium-driver "
                    + "(or point -Dbrowser.chromium / -Dbrowser.chromedriver at them).");
        }
    }

    private void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        profile = null;
    }
}
