package dev.tune.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium, driven through its own chromedriver by Selenium, as the report's
 * readers open it: what the page logs to its console, every network request it makes (from
 * Chrome's performance log), and the page's own state read back with JavaScript.
 *
 * <p>Where Chromium is not installed the browser tests are skipped, so a newcomer's first build
 * needs only a JDK; {@code .ci/run} installs it and sets {@code TUNE_BROWSER_TESTS=required},
 * which turns a missing browser into a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser, or skips the test (fails it when browser tests are required) if there is none. */
    static Browser start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("TUNE_BROWSER_TESTS"))) {
            throw new IllegalStateException("TUNE_BROWSER_TESTS=required, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install Debian's chromium and chromium-driver packages");
        }
        Assumptions.assumeTrue(installed, "browser tests skipped: install Debian's chromium and chromium-driver");
        try {
            Path profile = Files.createTempDirectory("tune-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--allow-file-access-from-files", "--hide-scrollbars",
                    "--window-size=1400,1000", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    /** Runs {@code script} (which returns JSON text) in the page and parses its answer. */
    JsonNode json(String script) {
        Object text = ((JavascriptExecutor) driver).executeScript(script);
        try {
            return JSON.readTree(String.valueOf(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object run(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** What the page logged to its console since the last call, as "LEVEL message". */
    List<String> console(Level atLeast) {
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= atLeast.intValue()) {
                lines.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        return lines;
    }

    /**
     * The URL of every request made since the last call, from Chrome's performance log, but the
     * browser's own {@code chrome://} pages (its new-tab page loads icons while a test runs; no web
     * page can load those).
     */
    List<String> requests() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                String url = message.path("params").path("request").path("url").asText();
                if (message.path("method").asText().equals("Network.requestWillBeSent") && !url.startsWith("chrome://")) {
                    urls.add(url);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return urls;
    }

    /** Saves the whole page as a PNG: the window grows to the page's height first. */
    void screenshot(Path file) {
        Number height = (Number) run("return document.documentElement.scrollHeight");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1400, Math.min(16000, height.intValue() + 40)));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(file.getParent());
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
