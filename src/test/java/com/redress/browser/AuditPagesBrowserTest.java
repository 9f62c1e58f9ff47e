package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An auditor logs in to the audit pages, finds a complaint, reads its path and timeline, exports CSV. */
class AuditPagesBrowserTest extends BrowserTest {

  @Autowired ComplaintService complaints;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void auditorSeesTheTimelineWithThePathTakenAndExportsCsv() throws IOException {
    String auditor = TestUsers.ensure(engine.getIdentityService(), "browser-auditor", Groups.AUDITORS);
    String handler = TestUsers.ensure(engine.getIdentityService(), "browser-billing", Groups.TEAM_BILLING);
    String reference = complaints.submit(Complaints.of(Category.BILLING, CustomerTier.GOLD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult().getId();
    engine.getIdentityService().setAuthentication(handler, List.of(Groups.TEAM_BILLING));
    try {
      tasks.claim(taskId, handler);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    try {
      browser.get("http://localhost:" + port + "/audit");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(auditor);
      browser.findElement(By.name("password")).sendKeys(TestUsers.PASSWORD);
      browser.findElement(By.cssSelector("button[type='submit']")).click();

      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("user"))).sendKeys(handler);
      browser.findElement(By.xpath("//button[normalize-space()='Search']")).click();
      click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText(reference))));

      WebElement diagram = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("svg.diagram")));
      assertThat(diagram.findElements(By.cssSelector("g.passed[data-id='" + ComplaintHandlingProcess.TASK_CLASSIFY + "']")))
          .hasSize(1);
      assertThat(diagram.findElements(By.cssSelector("g.active[data-id='" + ComplaintHandlingProcess.TASK_HANDLE + "']")))
          .hasSize(1);
      assertThat(diagram.findElements(By.cssSelector("g.untouched[data-id='" + ComplaintHandlingProcess.TASK_TRIAGE + "']")))
          .hasSize(1);
      assertThat(browser.findElement(By.id("timeline")).getText()).contains(handler + " claimed 'Handle complaint'")
          .contains("Decided by ComplaintClassification v");
      screenshot("audit-complaint-timeline");

      String href = browser.findElement(By.id("csv-export")).getAttribute("href");
      String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
          "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href);
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(csv)).getRecords();
      assertThat(rows).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ?",
          Integer.class, reference));

      browser.findElement(By.linkText("Integrity")).click();
      click(wait.until(ExpectedConditions.elementToBeClickable(By.id("run-integrity"))));
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("integrity-result"))).getText())
          .startsWith("Verified");
    } catch (RuntimeException e) {
      keepPage("audit-failure");
      throw e;
    }
  }

  /** The story of a complaint whose compensation a supervisor approved: one line each, the decision's fields on demand. */
  @Test
  void auditorReadsTheStoryOfAnApprovedCompensationAndOpensTheDecision() throws IOException {
    String auditor = TestUsers.ensure(engine.getIdentityService(), "story-auditor", Groups.AUDITORS);
    String reference = complaints.submit(Complaints.of(Category.DAMAGE, CustomerTier.GOLD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    String team = complaints.get(reference).classification().handlerGroup();
    String handler = TestUsers.ensure(engine.getIdentityService(), "story-handler", team);
    String manager = TestUsers.ensure(engine.getIdentityService(), "story-sam", Groups.SERVICE_MANAGERS);
    Handling.resolveWithCompensation(engine, reference, handler, "REFUND", "1500.00", "The cleaner broke the vase.");
    Handling.runDueJobs(engine, reference);
    Handling.decideCompensation(engine, reference, manager, "APPROVE", "customer's second broken item");

    try {
      browser.get("http://localhost:" + port + "/audit/complaints/" + reference);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(auditor);
      browser.findElement(By.name("password")).sendKeys(TestUsers.PASSWORD);
      browser.findElement(By.cssSelector("button[type='submit']")).click();

      WebElement timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
      assertThat(timeline.getText())
          .contains(handler + " resolved it: root cause STAFF_ERROR")
          .contains("proposed REFUND of 1500.00 CNY: 'The cleaner broke the vase.'")
          .contains("Decided by CompensationPolicy v")
          .contains(manager + " completed 'Approve compensation'")
          .contains(manager + " (" + Groups.SERVICE_MANAGERS + ") approved 1500.00 CNY: 'customer's second broken item'")
          .contains("Issued REFUND of 1500.00 CNY")
          .doesNotContain("variable-").doesNotContain("activity-");
      WebElement decision = timeline.findElement(By.cssSelector("tr[data-type='compensation-decision'] details"));
      WebElement fields = decision.findElement(By.cssSelector("dl.fields"));
      assertThat(fields.isDisplayed()).as("details stay folded until asked for").isFalse();
      click(decision.findElement(By.tagName("summary")));
      wait.until(ExpectedConditions.visibilityOf(fields));
      assertThat(fields.getText()).contains("decidedBy").contains(manager).contains("approverGroup")
          .contains("amountBefore").contains("1500.00").contains("reason");
      screenshot("audit-complaint-story");
    } catch (RuntimeException e) {
      keepPage("audit-story-failure");
      throw e;
    }
  }

  @Test
  void pagesAreForAuditorsOnly() {
    var anonymous = http.get("/audit", "text/html");
    assertThat(anonymous.statusCode()).as("a browser is redirected to the log-in page").isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/login"));
    assertThat(http.get("/audit", "application/json").statusCode()).as("a script is asked for credentials")
        .isEqualTo(401);
  }
}
