package dev.tune.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tune.pages.PageRequests.Request;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Capabilities;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.service.DriverCommandExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver by Selenium, as the report's
 * readers open it: what the page logs to its console, the requests it makes (from Chrome's
 * performance log, see {@link PageRequests}), and the page's own state read back with JavaScript.
 *
 * <p>Selenium speaks only WebDriver to chromedriver here ({@link RemoteWebDriver}, not
 * {@code ChromeDriver}): the tests use no DevTools protocol, so nothing ties them to the browser's
 * version, and Selenium looks for no CDP implementation matching it. The first browser a JVM starts
 * prints the Chromium and chromedriver versions, so that a failure can be placed.
 *
 * <p>Where Chromium is not installed the browser tests are skipped, so a newcomer's first build
 * needs only a JDK; {@code .ci/run} installs it and sets {@code TUNE_BROWSER_TESTS=required},
 * which turns a missing browser into a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long an explicit wait for the page waits before it fails. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicBoolean VERSIONS_PRINTED = new AtomicBoolean();

    private final ChromeDriverService service;
    private final RemoteWebDriver driver;
    private final Path profile;
    private final List<String> log = new ArrayList<>();
    private String opened = "";

    private Browser(ChromeDriverService service, RemoteWebDriver driver, Path profile) {
        this.service = service;
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
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            try {
                // starts chromedriver for the new session, and stops it when the session quits
                RemoteWebDriver driver = new RemoteWebDriver(new DriverCommandExecutor(service), options(profile));
                driver.manage().timeouts().scriptTimeout(PATIENCE);
                printVersions(driver.getCapabilities());
                return new Browser(service, driver, profile);
            } catch (RuntimeException e) {
                service.stop();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChromeOptions options(Path profile) {
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
        return options;
    }

    /** Prints, once a JVM, the Chromium and chromedriver that the session runs on. */
    private static void printVersions(Capabilities capabilities) {
        if (VERSIONS_PRINTED.compareAndSet(false, true)) {
            Object chrome = capabilities.getCapability("chrome");
            Object driver = chrome instanceof Map<?, ?> map ? map.get("chromedriverVersion") : null;
            System.out.println("Browser tests: Chromium " + capabilities.getBrowserVersion()
                    + " (" + CHROMIUM + "), chromedriver " + driver + " (" + CHROMEDRIVER + ")");
        }
    }

    /** Opens {@code url}: what the browser logged before is not the page's, and {@link #requests()} starts over. */
    void open(String url) {
        driver.manage().logs().get(LogType.PERFORMANCE);
        log.clear();
        opened = url;
        driver.get(url);
    }

    /** Runs {@code script} (which returns JSON text) in the page and parses its answer. */
    JsonNode json(String script) {
        Object text = run(script);
        try {
            return JSON.readTree(String.valueOf(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object run(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until {@code condition} holds (is neither null nor false), at most {@link #PATIENCE}. */
    <T> T until(Supplier<String> what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).withMessage(what).until(condition);
    }

    /** Waits until {@code script} returns true in the page, at most {@link #PATIENCE}. */
    void until(Supplier<String> what, String script) {
        until(what, d -> Boolean.TRUE.equals(run(script)));
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

    /** Every request that the page last {@linkplain #open opened} has made so far, and the pages it led to. */
    List<Request> requests() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            log.add(entry.getMessage());
        }
        return PageRequests.of(opened, log);
    }

    /** Saves the whole page as a PNG: the window grows to the page's height first. */
    void screenshot(Path file) {
        Number height = (Number) run("return document.documentElement.scrollHeight");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(1400, Math.min(16000, height.intValue() + 40)));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(file.getParent());
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
