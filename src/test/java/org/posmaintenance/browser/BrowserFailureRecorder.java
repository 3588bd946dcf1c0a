package org.posmaintenance.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * Keeps what the browser showed when a test failed: {@code target/browser-screenshots/<test>.png} and
 * {@code <test>.html}. Runs right after the test method, before {@code @AfterEach} quits the browser.
 * {@link BrowserTestBase} registers it for all its subclasses, whatever their package.
 */
public class BrowserFailureRecorder implements AfterTestExecutionCallback {

    public static final Path DIRECTORY = Path.of("target", "browser-screenshots");
    private static final Pattern INVOCATION = Pattern.compile("test-template-invocation:#(\\d+)");

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()
                || !(context.getTestInstance().orElse(null) instanceof BrowserTestBase test)) {
            return;
        }
        WebDriver driver = test.driver();
        if (driver == null) {
            return;
        }
        String name = testName(context);
        try {
            Files.createDirectories(DIRECTORY);
            Path screenshot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(screenshot, DIRECTORY.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            String page = "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource();
            Files.writeString(DIRECTORY.resolve(name + ".html"), page, StandardCharsets.UTF_8);
            System.err.println("Browser test failed; screenshot and page at " + DIRECTORY.resolve(name).toAbsolutePath() + ".{png,html}");
        } catch (Exception e) {
            // the test's own failure matters more than the missing screenshot
            System.err.println("Could not record the browser of failed test " + name + ": " + e);
        }
    }

    /** Class.method, with the invocation number of a parameterized test. */
    static String testName(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        Matcher invocation = INVOCATION.matcher(context.getUniqueId());
        return invocation.find() ? name + "-" + invocation.group(1) : name;
    }
}
