package dev.tune.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, if installed, opening a report from {@code file://}: the page records
 * {@code performance.now()} once every view is drawn ({@code data-render-ms} on its body), which is
 * the time from the start of navigation, parsing and the data included.
 */
final class ReportRender implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private ReportRender(ChromeDriver driver) {
        this.driver = driver;
    }

    static ReportRender start(PrintStream out) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            out.println("BR: no Chromium (install Debian's chromium and chromium-driver to time drawing)");
            return new ReportRender(null);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(5)).scriptTimeout(Duration.ofMinutes(5));
        return new ReportRender(driver);
    }

    /** Seconds until the report at {@code file} had drawn every view; empty without a browser. */
    Optional<Double> secondsToDraw(Path file) {
        if (driver == null) {
            return Optional.empty();
        }
        driver.get("about:blank");
        driver.get(file.toUri().toString());
        for (int i = 0; i < 6000; i++) {
            Object ms = driver.executeScript("return document.body && document.body.dataset.renderMs");
            if (ms != null) {
                return Optional.of(Double.parseDouble(ms.toString()) / 1000);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        throw new IllegalStateException("the report at " + file + " did not finish drawing in 5 minutes");
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
        }
    }
}
