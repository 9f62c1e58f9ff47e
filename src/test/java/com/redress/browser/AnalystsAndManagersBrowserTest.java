package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.HandBuiltPeriod;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A manager reads the KPI dashboard's charts; an analyst replays a changed decision and reads the deltas. */
class AnalystsAndManagersBrowserTest extends BrowserTest {

  private static final LocalDate MAY_2096 = LocalDate.parse("2096-05-01");
  private static final LocalDate JUNE_2096 = LocalDate.parse("2096-06-01");
  private static final List<String> CHARTS = List.of("chart-volume", "chart-times", "chart-trend", "chart-money",
      "chart-channels");

  @Autowired JdbcTemplate jdbc;

  @Test
  void theDashboardDrawsItsCharts() throws IOException {
    String manager = TestUsers.ensure(engine.getIdentityService(), "browser-manager", Groups.SERVICE_MANAGERS);
    HandBuiltPeriod.closed(jdbc, MAY_2096.plusDays(3), List.of(), "team-logistics", "WEB", 600, 3600, true, 4, 5, 0,
        false, false);
    HandBuiltPeriod.closed(jdbc, MAY_2096.plusDays(4), List.of(), "team-billing", "PHONE", 1200, 7200, false, 4, 2, 1,
        false, false);

    signIn("/reports/kpis?from=2096-05-01&to=2096-05-31", manager);

    for (String chart : CHARTS) {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
    }
    assertThat(browser.findElement(By.cssSelector("#totals tbody")).getText()).startsWith("2 2 ");
    screenshot("kpi-dashboard");
  }

  @Test
  void theWhatIfPageShowsTheDeltas(@TempDir Path dir) throws IOException {
    String analyst = TestUsers.ensure(engine.getIdentityService(), "browser-analyst", Groups.PROCESS_ANALYSTS);
    HandBuiltPeriod.classified(jdbc, JUNE_2096.plusDays(5), "DELAY", "STANDARD", 3, "MEDIUM", "team-logistics", 8, 40,
        "ComplaintClassification");
    Path changed = dir.resolve("ComplaintClassification.dmn");
    Files.writeString(changed, Files.readString(Path.of("processes/ComplaintClassification.dmn"))
        .replace("&gt;= 3", "&gt;= 5"));

    // signing in without asking for a page lands on the staff home, which links only what the analyst may open
    signIn("/staff/login", analyst);
    WebElement home = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-links")));
    assertThat(home.getText()).contains("What-if").doesNotContain("Audit search").doesNotContain("KPI dashboard");
    click(home.findElement(By.linkText("What-if")));
    wait.until(ExpectedConditions.urlContains("/analysis/what-if"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("decision"))).sendKeys(changed.toString());
    setDate("from", "2096-06-01");
    setDate("to", "2096-06-30");
    click(browser.findElement(By.xpath("//button[normalize-space()='Replay']")));

    WebElement deltas = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delta-table")));
    assertThat(deltas.getText()).contains("complaints left to triage 0 0 0");
    assertThat(browser.findElement(By.id("summary")).getText()).startsWith("1 cases in the period; 1 outcomes change");
    assertThat(browser.findElement(By.id("changed-cases")).getText()).contains("severity=MEDIUM").contains("severity=LOW");
    keepPage("what-if");
  }

  private void signIn(String path, String user) {
    browser.get("http://localhost:" + port + path);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(user);
    browser.findElement(By.name("password")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** Date inputs take keys in the browser's locale order; setting the value is locale-proof. */
  private void setDate(String name, String isoDate) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
        browser.findElement(By.name(name)), isoDate);
  }
}
