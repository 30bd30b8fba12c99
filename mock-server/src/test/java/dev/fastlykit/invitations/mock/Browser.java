package dev.fastlykit.invitations.mock;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the console's tests: Debian's {@code chromium} and {@code chromium-driver},
 * named by path so that Selenium never looks for (or downloads) a browser of its own. In CI a
 * missing browser fails the tests; elsewhere they are skipped, saying what to install.
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /** Skips the calling tests when there is no browser here, except in CI, where it fails them. */
  static void assumeInstalled() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    String missing = "no " + CHROMIUM + " and " + CHROMEDRIVER;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(missing + ": in CI the browser tests must run (.ci/run installs them)");
    }
    Assumptions.abort(
        missing + ": install Debian's chromium and chromium-driver to run the console's tests");
  }

  /** A new headless browser; the caller quits it. */
  static ChromeDriver start() {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        // Nothing but localhost is reachable: no update, sync or first-run traffic to wait on.
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--window-size=1280,1000");
    return new ChromeDriver(service, options);
  }

  /**
   * Waits up to ten seconds for a condition the page must reach, looking every 100 ms (Selenium's
   * default, 500 ms, would be most of what a console test spends; looking more often costs the
   * browser CPU and gains nothing on a page that refreshes every second).
   */
  static <T> T await(WebDriver driver, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100))
        .until(condition::apply);
  }
}
