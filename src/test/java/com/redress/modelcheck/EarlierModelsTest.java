package com.redress.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.award.AwardService;
import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.HandBuiltPeriod;
import com.redress.support.Handling;
import com.redress.support.Jobs;
import com.redress.support.PastTheModelCheck;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A complaint that runs on the models deployed before issue 17 (ComplaintHandling 1.3.1 with its
 * send steps, CompensationApproval 1.0.1 whose end listeners recorded the decisions) still goes
 * through its whole life on the new code: decisions are recorded by the listeners, each mail is
 * sent once. The old versions are deployed as they were, past today's model check (which would
 * refuse them for missing the new steps), as a database upgraded from that release holds them.
 */
class EarlierModelsTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired AwardService awards;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aComplaintOnTheEarlierModelsIsDecidedRecordedAndMailedOnce() {
    Deployment earlier = deployBeforeIssue17();
    try {
      String reference = complaints.submit(Complaints.of(Category.DAMAGE, CustomerTier.STANDARD), null, null)
          .reference();
      assertThat(engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService()
          .createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getProcessDefinitionId())
          .getVersionTag()).isEqualTo("1.3.1");
      Jobs.continueAfterRegistration(engine, reference);
      Handling.runDueJobs(engine, reference);
      String team = complaints.get(reference).classification().handlerGroup();
      Handling.resolveWithCompensation(engine, reference, TestUsers.ensure(engine.getIdentityService(),
          "earlier-handler", team), "REFUND", "800.00", "The cleaner broke the vase.");
      Handling.runDueJobs(engine, reference);
      Handling.decideCompensation(engine, reference, TestUsers.ensure(engine.getIdentityService(),
          "earlier-supervisor", Groups.SUPERVISORS), "APPROVE", "A fair amount for the vase.");
      // nobody answers the survey: its timer ends the wait
      Job timeout = engine.getManagementService().createJobQuery()
          .activityId(ComplaintHandlingProcess.TIMER_SURVEY_TIMEOUT).processInstanceId(engine.getRuntimeService()
              .createProcessInstanceQuery().processInstanceBusinessKey(reference)
              .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId()).singleResult();
      engine.getManagementService().executeJob(timeout.getId());
      Handling.runDueJobs(engine, reference);
      Handling.review(engine, reference, TestUsers.ensure(engine.getIdentityService(), "earlier-reviewer",
          Groups.QUALITY_REVIEWERS), 4);
      Handling.runDueJobs(engine, reference);

      assertThat(complaints.get(reference).status()).isEqualTo(ComplaintStatus.CLOSED);
      assertThat(complaints.get(reference).qualityReview().score()).as("recorded by the earlier listener").isEqualTo(4);
      assertThat(jdbc.queryForObject("SELECT status FROM compensation WHERE complaint_reference = ?", String.class,
          reference)).isEqualTo("ISSUED");
      assertThat(jdbc.queryForList("SELECT status FROM notification_outbox WHERE complaint_reference = ?",
          String.class, reference)).isNotEmpty().containsOnly("SENT");
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ? AND event_type = ?",
          Integer.class, reference, "message-sent")).as("each mail once")
          .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference = ?",
              Integer.class, reference));
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    } finally {
      engine.getRepositoryService().deleteDeployment(earlier.getId(), true);
    }
  }

  /**
   * An award run on the forms deployed before issue 18 (EmployeeAward's forms are bound to their
   * deployment) reads the nominations and the awards as the text those forms show, not as tables.
   */
  @Test
  void anAwardRunOnTheEarlierFormsReadsItsNominationsAndAwardsAsText() throws IOException {
    Deployment earlier = PastTheModelCheck.deploy(engine, "Redress before issue 18", deployment -> {
      deployment.addInputStream("EmployeeAward.bpmn", PastTheModelCheck.current("processes/EmployeeAward.bpmn"))
          .addInputStream("AwardTier.dmn", PastTheModelCheck.current("processes/AwardTier.dmn"));
      for (String form : List.of("ReviewNominations", "ApproveAwards", "ApproveAwardExcess", "DecideObjection")) {
        deployment.addInputStream(form + ".form", PastTheModelCheck.earlier(form + "-before-issue-18.form.json"));
      }
    });
    try {
      String period = "2018-03";
      for (int i = 0; i < 5; i++) {
        HandBuiltPeriod.closed(jdbc, period, List.of("earlier-eva"), true, 5, 5, false);
      }
      String run = awards.request(YearMonth.parse(period), "earlier-committee").id();
      Handling.runDueJobs(engine, run);

      Task review = awardTask(run, EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS);
      assertThat(deployedForm(review)).as("the earlier form").contains("\"key\": \"ranking\"");
      assertThat((String) engine.getTaskService().getVariable(review.getId(), "ranking"))
          .contains("earlier-eva").contains("90.00");
      engine.getTaskService().claim(review.getId(), TestUsers.ensure(engine.getIdentityService(), "earlier-manager",
          Groups.SERVICE_MANAGERS));
      engine.getTaskService().complete(review.getId(), Map.of("nominationAction", "CONFIRM"));
      Handling.runDueJobs(engine, run);

      Task approval = awardTask(run, EmployeeAwardProcess.TASK_APPROVE_AWARDS);
      assertThat(deployedForm(approval)).contains("\"key\": \"awardsText\"");
      assertThat((String) engine.getTaskService().getVariable(approval.getId(), "awardsText"))
          .contains("earlier-eva · Service Star of the Month").contains("Total 3000.00 of a budget of 10000.00 CNY");
    } finally {
      engine.getRepositoryService().deleteDeployment(earlier.getId(), true);
    }
  }

  private Task awardTask(String run, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(run).taskDefinitionKey(taskKey)
        .singleResult();
  }

  private String deployedForm(Task task) throws IOException {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The models deployed before issue 17, as a database upgraded from that release holds them. */
  private Deployment deployBeforeIssue17() {
    return PastTheModelCheck.deploy(engine, "Redress before issue 17", deployment -> {
      deployment
          .addInputStream("ComplaintHandling.bpmn", PastTheModelCheck.earlier("ComplaintHandling-1.3.1.bpmn.xml"))
          .addInputStream("CompensationApproval.bpmn", PastTheModelCheck.earlier("CompensationApproval-1.0.1.bpmn.xml"));
      for (String form : List.of("HandleComplaint", "TriageComplaint", "ReviewQuality", "StartComplaint",
          CompensationApprovalProcess.FORM_APPROVE)) {
        deployment.addInputStream(form + ".form", PastTheModelCheck.current("forms/" + form + ".form"));
      }
      // the decisions and forms as today's (they did not change in issue 17)
      for (String decision : List.of("ComplaintClassification", "CompensationPolicy")) {
        deployment.addInputStream(decision + ".dmn", PastTheModelCheck.current("processes/" + decision + ".dmn"));
      }
    });
  }
}
