package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.compensation.CompensationApprovalProcess;
import com.redress.compensation.CompensationService;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Tasklist a handler proposes 800 and, being a supervisor too, is refused its approval; another
 * supervisor sees the approval with the budget left, lowers it to 600 with a reason and approves;
 * the customer's status page shows 600.
 */
class CompensationBrowserTest extends BrowserTest {

  @Autowired ComplaintService complaints;
  @Autowired CompensationService compensations;

  @Test
  void handlerProposesSupervisorLowersAndTheCustomerSeesTheLoweredAmount() throws IOException {
    String handler = TestUsers.ensure(engine.getIdentityService(), "browser-comp-handler", Groups.TEAM_LOGISTICS,
        Groups.SUPERVISORS);
    String supervisor = TestUsers.ensure(engine.getIdentityService(), "browser-comp-supervisor", Groups.SUPERVISORS);
    ComplaintService.Submitted submitted = complaints.submit(Complaints.of(Category.DAMAGE, CustomerTier.STANDARD),
        null, null);
    String reference = submitted.reference();
    Jobs.continueAfterRegistration(engine, reference);

    try {
      logIn(handler);
      openGroupTask(reference);
      claimTask();
      selectOption("Field_rootCause", "Staff error");
      type("Field_resolution", "Our cleaner broke the vase; we replace its value and retrain the team.");
      click(browser.findElement(By.cssSelector("input[type='checkbox'][id$='Field_serviceFailureAcknowledged']")));
      selectOption("Field_compensationType", "Refund");
      type("Field_compensationAmount", "800.00");
      type("Field_compensationReason", "The vase was broken by our cleaner during the visit.");
      screenshot("tasklist-compensation-proposed");
      completeTask();
      wait.until(driver -> Handling.task(engine, reference, ComplaintHandlingProcess.TASK_HANDLE) == null);
      Jobs.continueAfter(engine, reference, ComplaintHandlingProcess.TASK_HANDLE);

      browser.navigate().refresh();
      openGroupTask(reference);
      claimTask();
      wait.until(driver -> driver.findElement(By.tagName("body")).getText()
          .contains("proposed compensation " + reference + "/0 and cannot approve it (four-eyes principle)"));
      screenshot("tasklist-compensation-refused-to-proposer");
      assertThat(Handling.task(engine, reference, CompensationApprovalProcess.TASK_APPROVE).getAssignee()).isNull();

      browser.manage().deleteAllCookies();
      logIn(supervisor);
      openGroupTask(reference);
      claimTask();
      String left = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("input[id$='Field_budgetLeft']"))).getAttribute("value");
      assertThat(left).endsWith(" CNY");
      assertThat(browser.findElement(By.cssSelector("input[id$='Field_compensationAmount']")).getAttribute("value"))
          .isEqualTo("800.00");
      click(wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//label[contains(normalize-space(),'Lower the amount and approve')]//input[@type='radio']"))));
      type("Field_loweredAmount", "600.00");
      type("Field_decisionReason", "The vase was second-hand; 600 is its fair value.");
      screenshot("tasklist-compensation-lowered");
      completeTask();
      wait.until(driver -> Handling.task(engine, reference, CompensationApprovalProcess.TASK_APPROVE) == null);
    } catch (RuntimeException e) {
      keepPage("tasklist-compensation-failure");
      throw e;
    }

    browser.get("http://localhost:" + port + "/complaints/" + reference + "?token=" + submitted.accessToken());
    assertThat(browser.findElement(By.id("compensation")).getText()).contains("Refund").contains("600.00 CNY");
    keepPage("customer-compensation");
    assertThat(compensations.latestOf(reference).orElseThrow().currentAmount()).isEqualByComparingTo("600.00");
  }
}
