package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.award.EmployeeAwardProcess;
import com.redress.identity.Groups;
import com.redress.support.HandBuiltPeriod;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A committee member cuts an award in Tasklist, picking the handler from a select, and approves; a
 * colleague then reads the published page with the winners, how their scores were made, and the cut
 * with its reason.
 */
class AwardBrowserTest extends BrowserTest {

  private static final String SECOND = "aw-browser-second";
  private static final String CUT_REASON = "Second place goes without cash this month: budget kept for Q4.";

  @Autowired JdbcTemplate jdbc;

  @Test
  void committeeCutsAnAwardInTasklistAndThePublishedPageShowsWinnersBreakdownsAndTheCut() throws IOException {
    String period = "2019-12";
    String winner = TestUsers.ensure(engine.getIdentityService(), "aw-browser-winner", Groups.AWARD_COMMITTEE);
    for (int i = 0; i < 5; i++) {
      HandBuiltPeriod.closed(jdbc, period, List.of(winner), true, 5, 5, false);
      HandBuiltPeriod.closed(jdbc, period, List.of(SECOND), true, 4, 4, false);
    }
    String committee = TestUsers.ensure(engine.getIdentityService(), "aw-browser-committee", Groups.AWARD_COMMITTEE);
    String id = Http.json(http.as(committee, TestUsers.PASSWORD).postJson("/api/award-runs",
        "{\"period\": \"" + period + "\"}")).get("id").asText();
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(EmployeeAwardProcess.KEY)
        .singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance).activityId(EmployeeAwardProcess.TASK_SCORE).singleResult().getId());
    String manager = TestUsers.ensure(engine.getIdentityService(), "aw-browser-manager", Groups.SERVICE_MANAGERS);
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS).singleResult();
    engine.getTaskService().claim(review.getId(), manager);
    engine.getTaskService().complete(review.getId(), Map.of("nominationAction", "CONFIRM"));

    // other runs' approvals may be open too: go to this run's task by its link
    String approval = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(EmployeeAwardProcess.TASK_APPROVE_AWARDS).singleResult().getId();
    try {
      logIn(winner);
      wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("My group tasks")));
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + approval);
      claimTask();
      wait.until(driver -> driver.findElement(By.tagName("body")).getText()
          .contains("is a nominee of " + id + " and cannot decide on its awards"));
      screenshot("tasklist-award-refused-to-nominee");

      browser.manage().deleteAllCookies();
      logIn(committee);
      wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("My group tasks")));
      browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + approval);
      claimTask();
      // the awards are a table; the award to cut is picked from the handlers who have one
      wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains("Second place"));
      click(wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//label[contains(normalize-space(),'Cut an award')]//input[@type='radio']"))));
      selectOption("Field_cutHandler", SECOND + " — Second place 1500.00 CNY");
      selectOption("Field_cutAward", "Cash");
      type("Field_awardReason", CUT_REASON);
      screenshot("tasklist-approve-awards");
      completeTask();
      Task again = wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey(EmployeeAwardProcess.TASK_APPROVE_AWARDS).list().stream()
          .filter(t -> !t.getId().equals(approval)).findFirst().orElse(null));
      engine.getTaskService().claim(again.getId(), committee);
      engine.getTaskService().complete(again.getId(), Map.of("awardAction", "APPROVE"));

      String colleague = TestUsers.ensure(engine.getIdentityService(), "aw-browser-colleague", Groups.TEAM_SERVICE);
      browser.manage().deleteAllCookies();
      browser.get("http://localhost:" + port + "/awards/" + id);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(colleague);
      browser.findElement(By.name("password")).sendKeys(TestUsers.PASSWORD);
      browser.findElement(By.cssSelector("button[type='submit']")).click();
      String card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".winner"))).getText();
      assertThat(card).contains("aw-browser-winner").contains("Service Star of the Month")
          .contains("3000.00 CNY");
      assertThat(browser.findElement(By.cssSelector(".winner .score")).getText()).isEqualTo("90.00");
      assertThat(browser.findElement(By.id("changes")).getText())
          .contains(SECOND + "'s Second place was cut: " + CUT_REASON);
      keepPage("award-results");
      browser.findElement(By.name("reason")).sendKeys("The winner's complaints were all easy ones this month.");
      click(browser.findElement(By.xpath("//button[normalize-space()='File objection']")));
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice"))).getText())
          .contains("Your objection was filed");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey(EmployeeAwardProcess.TASK_DECIDE_OBJECTION).count()).isEqualTo(1);
    } catch (RuntimeException e) {
      keepPage("award-failure");
      throw e;
    }
  }
}
