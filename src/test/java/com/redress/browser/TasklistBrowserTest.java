package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.complaint.SurveyService;
import com.redress.identity.Groups;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.io.IOException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A handler works a complaint in the real Camunda Tasklist in headless Chromium (Debian's
 * chromium and chromedriver, installed by .ci/run): log in, find the task in "My group tasks",
 * claim it, fill in the rendered Camunda Form and complete it.
 */
class TasklistBrowserTest extends BrowserTest {

  @Autowired ComplaintService complaints;
  @Autowired SurveyService surveys;

  @Test
  void handlerClaimsFillsInAndCompletesTheHandlingFormInTasklist() throws IOException {
    String handler = TestUsers.ensure(engine.getIdentityService(), "browser-handler", Groups.TEAM_LOGISTICS);
    String reference = complaints.submit(Complaints.of(Category.DELAY, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);

    try {
      logIn(handler);

      openGroupTask(reference);

      claimTask();

      selectOption("Field_rootCause", "Supplier or partner issue");
      // a first handling shows no empty "earlier outcome" box, and Tasklist offers no "Create task"
      assertThat(browser.findElements(By.xpath("//label[contains(., 'Earlier outcome')]"))).isEmpty();
      assertThat(browser.findElements(By.partialLinkText("Create task"))).noneMatch(WebElement::isDisplayed);
      type("Field_resolution", "Re-routed the parcel through the express hub and refunded the shipping fee.");
      click(browser.findElement(By.cssSelector("input[type='checkbox'][id$='Field_serviceFailureAcknowledged']")));
      screenshot("tasklist-handling-form-filled");

      completeTask();
      wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).count() == 0);
      screenshot("tasklist-after-complete");
    } catch (RuntimeException e) {
      keepPage("tasklist-failure");
      throw e;
    }

    HistoricTaskInstance handled = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult();
    assertThat(handled.getAssignee()).isEqualTo(handler);
    assertThat(handled.getEndTime()).isNotNull();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(handled.getProcessInstanceId())
        .list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    var complaint = complaints.get(reference);
    assertThat(complaint.outcome().resolvedBy()).isEqualTo(handler);
    assertThat(complaint.outcome().serviceFailureAcknowledged()).isTrue();
    assertThat(complaint.outcome().rootCause().name()).isEqualTo("SUPPLIER_ISSUE");
  }

  @Test
  void intakeAgentRecordsAPhoneComplaintWithTheStartForm() throws IOException {
    String agent = TestUsers.ensure(engine.getIdentityService(), "browser-intake", Groups.INTAKE_AGENTS);
    try {
      logIn(agent);
      click(wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Start process"))));
      click(wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Complaint handling"))));

      type("Field_customerId", "C-BROWSER-1");
      type("Field_customerName", "Zhao Lei");
      type("Field_customerEmail", "zhao.lei@example.com");
      selectOption("Field_customerTier", "Gold");
      selectOption("Field_category", "Billing");
      type("Field_subject", "Charged for a cancelled visit");
      type("Field_description", "I cancelled the cleaning two days ahead and was charged anyway.");
      type("Field_orderReference", "ORD-BROWSER-1");
      type("Field_orderAmount", "260.00");
      screenshot("tasklist-start-form-filled");
      click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Start']"))));

      wait.until(driver -> engine.getHistoryService().createHistoricProcessInstanceQuery()
          .startedBy(agent).count() == 1);
      screenshot("tasklist-after-start");
    } catch (RuntimeException e) {
      keepPage("tasklist-start-failure");
      throw e;
    }

    String reference = engine.getHistoryService().createHistoricProcessInstanceQuery().startedBy(agent)
        .singleResult().getBusinessKey();
    Jobs.continueAfterRegistration(engine, reference);
    var complaint = complaints.get(reference);
    assertThat(complaint.recordedBy()).isEqualTo(agent);
    assertThat(complaint.channel().name()).isEqualTo("PHONE");
    assertThat(complaint.orderAmount().amount()).isEqualByComparingTo("260.00");
    assertThat(complaint.classification().handlerGroup()).isEqualTo(Groups.TEAM_BILLING);
  }

  @Test
  void qualityReviewIsRefusedToTheHandlerAndDoneByAnotherReviewerInTasklist() throws IOException {
    String both = TestUsers.ensure(engine.getIdentityService(), "browser-handler-qa", Groups.TEAM_SAFETY,
        Groups.QUALITY_REVIEWERS);
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "browser-reviewer", Groups.QUALITY_REVIEWERS);
    ComplaintService.Submitted submitted = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.GOLD), null,
        null);
    String reference = submitted.reference();
    Jobs.continueAfterRegistration(engine, reference);
    Handling.resolve(engine, reference, both);
    surveys.answer(reference, new SurveyService.Answer(submitted.accessToken(), 4, null));
    Jobs.continueAfterSurvey(engine, reference);

    try {
      logIn(both);
      openGroupTask(reference);
      claimTask();
      wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains("four-eyes principle"));
      screenshot("tasklist-review-refused-to-handler");
      assertThat(Handling.task(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY).getAssignee()).isNull();

      browser.manage().deleteAllCookies();
      logIn(reviewer);
      openGroupTask(reference);
      claimTask();
      click(wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//label[contains(normalize-space(),'4 – good')]//input[@type='radio']"))));
      click(browser.findElement(By.cssSelector("input[type='checkbox'][id$='Field_innovative']")));
      type("Field_innovationReason", "Checked every socket in the flat, not just the reported one.");
      screenshot("tasklist-review-form-filled");
      completeTask();
      wait.until(driver -> Handling.task(engine, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY) == null);
    } catch (RuntimeException e) {
      keepPage("tasklist-review-failure");
      throw e;
    }

    var review = complaints.get(reference).qualityReview();
    assertThat(review.reviewedBy()).isEqualTo(reviewer);
    assertThat(review.score()).isEqualTo(4);
    assertThat(review.innovative()).isTrue();
    assertThat(review.innovationReason()).startsWith("Checked every socket");
  }
}
