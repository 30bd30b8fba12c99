package dev.fastlykit.invitations.mock;

import static dev.fastlykit.invitations.mock.MockFastlyServer.DEMO_SUPERUSER_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The console in a real headless Chromium, against an embedded server. */
// Mostly waiting on the page, so beside the other classes; one browser, so its tests in turn.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("chromium")
class ConsoleBrowserTest {
  private static final String NEW_INVITATION =
      "{\"data\":{\"type\":\"invitation\",\"attributes\":{\"email\":\"%s\"}}}";

  private static ChromeDriver browser;
  private static MockFastlyServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    server = MockFastlyServer.builder().build().start();
    http = new Http(server);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openTheConsole() {
    server.reset();
    browser.manage().window().setSize(new Dimension(1280, 1000));
    browser.get(server.url() + "/__admin/console");
    invitationRow("dennis@example.com");
  }

  private static WebElement invitationRow(String email) {
    return Browser.await(
        browser,
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("tr[data-invitation='" + email + "']")));
  }

  private static void awaitNoInvitationRow(String email) {
    Browser.await(
        browser,
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("tr[data-invitation='" + email + "']"), 0));
  }

  @Test
  void theAccountsTheirTokensBudgetsAndSeedInvitationsAreListed() throws Exception {
    WebElement frances = invitationRow("frances@example.com");
    invitationRow("alan@other.example");

    assertThat(frances.getText()).contains("user", "SU1Z0isxPaozGVKXdv0eY: read_only");
    WebElement superuser =
        browser.findElement(By.cssSelector("tr[data-token='" + DEMO_SUPERUSER_TOKEN + "']"));
    assertThat(superuser.getText()).contains("ada@demo.example", "superuser", "1000");
    assertThat(browser.findElement(By.cssSelector("article[data-customer='demo'] h3")).getText())
        .contains("7mH1CzgJ0wPq3n5VdYk2Lr");
    // The README's picture of the console, with some traffic; copied there by hand when the page
    // changes.
    http.post(
        "/invitations", DEMO_SUPERUSER_TOKEN, String.format(NEW_INVITATION, "grace@example.com"));
    http.get("/invitations?page%5Bsize%5D=2", DEMO_SUPERUSER_TOKEN);
    http.delete("/invitations/4Lq8Vd2Kx9Tn3Rb6Yh1WsZ", MockFastlyServer.DEMO_USER_TOKEN);
    server.addFault(FaultRule.on("POST", "/invitations").status(503).times(2).build());
    Browser.await(
        browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-request]"), 3));
    Browser.await(
        browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-fault]")));
    browser.manage().window().setSize(new Dimension(1400, 1900));
    Path shot = Path.of("target", "console.png");
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        shot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(shot)).isPositive();
  }

  @Test
  void anInvitationCreatedThroughTheApiAppearsWithoutAReload() {
    http.post(
        "/invitations", DEMO_SUPERUSER_TOKEN, String.format(NEW_INVITATION, "new@example.com"));

    invitationRow("new@example.com");
    WebElement newest = Browser.await(browser, b -> firstJournalRowWith("POST"));
    assertThat(newest.getText()).contains("/invitations", "200", "ada@demo.example");
    assertThat(newest.getText()).doesNotContain(DEMO_SUPERUSER_TOKEN);
    Browser.await(
        browser,
        ExpectedConditions.textToBe(
            By.cssSelector("tr[data-token='" + DEMO_SUPERUSER_TOKEN + "'] td.budget"), "999"));
  }

  @Test
  void aFaultRuleAddedInTheFormFailsTheNextCallAndRemovingItRestoresIt() {
    new Select(browser.findElement(By.id("fault-method"))).selectByVisibleText("GET");
    type("fault-path", "/invitations");
    browser.findElement(By.id("fault-kind-status")).click();
    type("fault-status", "503");
    browser.findElement(By.id("fault-add")).click();
    WebElement rule =
        Browser.await(
            browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-fault]")));
    assertThat(rule.getText()).contains("GET", "/invitations", "answers 503", "every request");

    assertThat(http.get("/invitations", DEMO_SUPERUSER_TOKEN).status).isEqualTo(503);

    click(By.cssSelector("tr[data-fault] button"));
    Browser.await(
        browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-fault]"), 0));
    assertThat(http.get("/invitations", DEMO_SUPERUSER_TOKEN).status).isEqualTo(200);
  }

  @Test
  void aRuleTheServerRefusesIsExplainedAndNotAdded() {
    type("fault-path", "invitations");
    browser.findElement(By.id("fault-add")).click();

    Browser.await(
        browser, ExpectedConditions.textToBePresentInElementLocated(By.id("fault-error"), "400"));
    assertThat(browser.findElement(By.id("fault-error")).getText())
        .contains("path must start with '/'");
    assertThat(browser.findElements(By.cssSelector("tr[data-fault]"))).isEmpty();
  }

  @Test
  void resetAfterItsConfirmationBringsTheDemoStateBack() {
    http.post(
        "/invitations", DEMO_SUPERUSER_TOKEN, String.format(NEW_INVITATION, "gone@example.com"));
    invitationRow("gone@example.com");

    browser.findElement(By.id("reset")).click();
    WebElement confirm =
        Browser.await(browser, ExpectedConditions.elementToBeClickable(By.id("reset-confirm")));
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reset-cancel");
    confirm.click();

    awaitNoInvitationRow("gone@example.com");
    invitationRow("dennis@example.com");
    assertThat(server.invitationCount()).isEqualTo(3);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void aResetMadeElsewhereEmptiesTheJournalWithoutAReload() {
    http.get("/invitations", DEMO_SUPERUSER_TOKEN);
    http.get("/invitations", null);
    Browser.await(
        browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-request]"), 2));

    server.reset(); // as a test suite beside the console would, between its tests
    Browser.await(
        browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-request]"), 0));

    http.get("/invitations", DEMO_SUPERUSER_TOKEN);
    Browser.await(
        browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-request]"), 1));
  }

  @Test
  void exportDownloadsTheWholeState() {
    JavascriptExecutor page = browser;
    page.executeScript(
        "window.exported = null;"
            + "URL.createObjectURL = (blob) => { blob.text().then(t => window.exported = t);"
            + " return 'blob:exported'; };");

    browser.findElement(By.id("export")).click();

    String exported =
        Browser.await(browser, b -> (String) page.executeScript("return window.exported"));
    assertThat(exported).contains("\"customers\"", "dennis@example.com", DEMO_SUPERUSER_TOKEN);
  }

  @Test
  void theKeyboardReachesTheActionsFirstAndEscapeLeavesTheResetDialog() {
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("export");
    browser.switchTo().activeElement().sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("reset");

    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    Browser.await(browser, ExpectedConditions.visibilityOfElementLocated(By.id("reset-confirm")));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);

    Browser.await(browser, ExpectedConditions.invisibilityOfElementLocated(By.id("reset-confirm")));
    assertThat(server.invitationCount()).isEqualTo(3);
  }

  @Test
  void theDeleteButtonWithdrawsAnInvitationThroughTheAdminApi() {
    invitationRow("dennis@example.com");
    click(By.cssSelector("tr[data-invitation='dennis@example.com'] button"));

    awaitNoInvitationRow("dennis@example.com");
    assertThat(server.invitationCount()).isEqualTo(2);
    assertThat(server.requests()).as("no user's token was used").isEmpty();
  }

  @Test
  void theJournalIsNewestFirstFiltersByStatusAndPathAndShowsBodiesAsText() {
    http.get("/invitations", DEMO_SUPERUSER_TOKEN);
    http.post("/invitations", DEMO_SUPERUSER_TOKEN, "<b>not bold</b>");
    http.get("/invitations", null);
    Browser.await(
        browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-request]"), 3));

    List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-request]"));
    assertThat(rows.get(0).getText()).contains("GET", "401");
    assertThat(rows.get(2).getText()).contains("GET", "200");

    new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("4xx");
    assertThat(browser.findElements(By.cssSelector("tr[data-request]"))).hasSize(2);
    type("filter-path", "/nothing-like-it");
    assertThat(browser.findElements(By.cssSelector("tr[data-request]"))).isEmpty();
    type("filter-path", "/invitations");
    new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("all");

    firstJournalRowWith("POST").findElement(By.tagName("button")).click();
    List<WebElement> bodies =
        Browser.await(
            browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.bodies pre"), 2));
    assertThat(bodies.get(0).getText()).isEqualTo("<b>not bold</b>");
    assertThat(browser.findElements(By.cssSelector("tr.bodies b"))).isEmpty();
    assertThat(bodies.get(1).getText()).contains("\"msg\":\"Bad request\"");
  }

  @Test
  void withAnAdminTokenThePageAsksForItOnceAndRefusesAWrongOne() {
    try (MockFastlyServer guarded =
        MockFastlyServer.builder().adminToken("s3cret").build().start()) {
      browser.get(guarded.url() + "/__admin/console");
      Browser.await(browser, ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));

      type("token-input", "wrong");
      browser.findElement(By.id("token-submit")).click();
      Browser.await(
          browser,
          ExpectedConditions.textToBePresentInElementLocated(By.id("token-error"), "refused"));
      assertThat(browser.findElements(By.cssSelector("tr[data-invitation]"))).isEmpty();

      type("token-input", "s3cret");
      browser.findElement(By.id("token-submit")).click();
      invitationRow("dennis@example.com");

      browser.navigate().refresh(); // kept for the tab
      invitationRow("dennis@example.com");
      assertThat(browser.findElement(By.id("token-dialog")).isDisplayed()).isFalse();
    } finally {
      ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    }
  }

  @Test
  void aNarrowWindowScrollsNoWiderThanItselfAndEveryControlHasAName() {
    browser.manage().window().setSize(new Dimension(420, 900));
    browser.navigate().refresh();
    invitationRow("dennis@example.com");

    JavascriptExecutor page = browser;
    Object tooWide =
        page.executeScript(
            "return [...document.querySelectorAll('body *')]"
                + ".filter(e => !e.closest('.scroll') || e.matches('.scroll'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className)");
    assertThat((List<?>) tooWide).isEmpty();
    assertThat(
            (Boolean)
                page.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"))
        .isTrue();
    Object unnamed =
        page.executeScript(
            "return [...document.querySelectorAll('input, select, button')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                + " && !e.textContent.trim()).map(e => e.outerHTML)");
    assertThat((List<?>) unnamed).isEmpty();
  }

  private static WebElement firstJournalRowWith(String method) {
    for (WebElement row : browser.findElements(By.cssSelector("tr[data-request]"))) {
      if (row.findElements(By.tagName("td")).get(1).getText().equals(method)) {
        return row;
      }
    }
    return null;
  }

  /** Clicks what the locator finds, finding it again if the page redrew it in between. */
  private static void click(By locator) {
    Browser.await(
        browser,
        b -> {
          try {
            b.findElement(locator).click();
            return true;
          } catch (StaleElementReferenceException redrawn) {
            return null;
          }
        });
  }

  private static void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
