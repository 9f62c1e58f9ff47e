package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.ApplicationTest;
import com.redress.support.TestUsers;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium against the running application: Debian's chromium and chromedriver,
 * installed by .ci/run. Screenshots land in target/screenshots.
 */
abstract class BrowserTest extends ApplicationTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  protected WebDriver browser;
  protected WebDriverWait wait;

  @BeforeEach
  void openBrowser() {
    assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)").exists();
    assertThat(CHROMEDRIVER).as("Debian's chromium-driver").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,2400", "--lang=" + languages().split(",")[0]);
    // what navigator.languages reports, which Camunda's webapps read (--lang alone may not set it on Linux)
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages()));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /** Where the application the browser works with listens: the test's own, unless a test starts another. */
  protected int appPort() {
    return port;
  }

  /** The browser's languages, most preferred first. */
  protected String languages() {
    return "en-US,en";
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * Scrolls the element to the middle first: Tasklist's fixed footer covers the bottom of the page.
   * When a long form ends at the page's very bottom the footer may still cover the button; then the
   * browser clicks it the way a keyboard user would.
   */
  protected void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
        element);
    try {
      element.click();
    } catch (ElementClickInterceptedException covered) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }
  }

  protected void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  protected void keepPage(String name) throws IOException {
    screenshot(name);
    Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource());
  }

  // --- Tasklist

  /** What Tasklist's filter and buttons are called: Redress's filter names follow redress.language. */
  record TasklistWords(String groupTasks, String claim, String complete) {
  }

  static final TasklistWords ENGLISH_TASKLIST = new TasklistWords("My group tasks", "Claim", "Complete");

  /** The words of the installation and browser language this test uses. */
  protected TasklistWords tasklistWords() {
    return ENGLISH_TASKLIST;
  }

  protected void openGroupTask(String reference) {
    wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(tasklistWords().groupTasks()))).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(),'" + reference + "')]]//a")))
        .click();
  }

  protected void claimTask() {
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='" + tasklistWords().claim() + "'] | //a[normalize-space()='"
            + tasklistWords().claim() + "']"))).click();
  }

  protected void completeTask() {
    click(wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='" + tasklistWords().complete() + "']"))));
  }

  protected void logIn(String user) {
    logInTo("tasklist", user);
  }

  /** Signs in to one of Camunda's webapps: tasklist, cockpit or admin. */
  protected void logInTo(String webapp, String user) {
    logInTo(webapp, user, TestUsers.PASSWORD);
  }

  protected void logInTo(String webapp, String user, String password) {
    browser.get("http://localhost:" + appPort() + "/camunda/app/" + webapp + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form input[type='text']")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("form input[type='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** Types into a form-js field and leaves it: form-js takes a typed value over on its own schedule, a blur at once. */
  protected void type(String fieldId, String text) {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("input[id$='" + fieldId + "'], textarea[id$='" + fieldId + "']")));
    click(field);
    field.sendKeys(text);
    field.sendKeys(Keys.TAB);
  }

  /** form-js renders selects as its own dropdown, not a native select. */
  protected void selectOption(String fieldId, String label) {
    WebElement display = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@id,'" + fieldId + "')]/ancestor-or-self::*[contains(@class,'fjs-form-field')][1]"
            + "//*[contains(@class,'fjs-select-display') or contains(@class,'fjs-input-group')]")));
    click(display);
    click(wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']"))));
  }
}
