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
 * A committee member approves a period's awards in Tasklist; a colleague then reads the published
 * page with the winners and how their scores were made.
 */
class AwardBrowserTest extends BrowserTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void committeeApprovesInTasklistAndThePublishedPageShowsWinnersWithBreakdowns() throws IOException {
    String period = "2019-12";
    String winner = TestUsers.ensure(engine.getIdentityService(), "aw-browser-winner", Groups.AWARD_COMMITTEE);
    for (int i = 0; i < 5; i++) {
      HandBuiltPeriod.closed(jdbc, period, List.of(winner), true, 5, 5, false);
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
      click(wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//label[contains(normalize-space(),'Approve the awards')]//input[@type='radio']"))));
      screenshot("tasklist-approve-awards");
      completeTask();
      wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey(EmployeeAwardProcess.TASK_APPROVE_AWARDS).count() == 0);

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
