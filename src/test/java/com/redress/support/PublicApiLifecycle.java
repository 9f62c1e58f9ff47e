package com.redress.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.ComplaintHandlingProcess;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * One complaint's whole life through the public APIs, as its users drive it: the customer submits
 * and answers the survey over {@code /api}, handler and reviewer claim and complete their tasks
 * over engine REST (the calls Tasklist makes). Jobs that are due run on the calling thread, where
 * the application's job executor would run them.
 */
public final class PublicApiLifecycle {

  /** DAMAGE from a PLATINUM customer: classified HIGH, handled by team-logistics. */
  public static final String CATEGORY = "DAMAGE";
  public static final String TIER = "PLATINUM";

  private final Http http;
  private final ProcessEngine engine;

  public PublicApiLifecycle(Http http, ProcessEngine engine) {
    this.http = http;
    this.engine = engine;
  }

  public record Created(String reference, String token) {
  }

  public Created submit() {
    return submit(Submissions.valid(CATEGORY, TIER));
  }

  /** Submits {@code complaint} (JSON) and runs what is due after the registration. */
  public Created submit(String complaint) {
    HttpResponse<String> created = http.postJson("/api/complaints", complaint);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = Http.json(created);
    Created c = new Created(body.get("reference").asText(), body.get("accessToken").asText());
    runDueJobs(c.reference());
    return c;
  }

  public void handle(Created c, String handler) {
    claimAndSubmit(c, handler, ComplaintHandlingProcess.TASK_HANDLE, """
        {"variables": {"rootCause": {"value": "STAFF_ERROR"},
                       "resolution": {"value": "Replaced the vase and retrained the cleaner."},
                       "serviceFailureAcknowledged": {"value": true}, "compensationType": {"value": "NONE"}}}""");
  }

  public HttpResponse<String> answerSurvey(Created c, int score) {
    HttpResponse<String> answered = http.postJson("/api/complaints/" + c.reference() + "/survey",
        "{\"token\": \"%s\", \"score\": %d, \"comment\": \"Thank you.\"}".formatted(c.token(), score));
    runDueJobs(c.reference());
    return answered;
  }

  public void review(Created c, String reviewer) {
    claimAndSubmit(c, reviewer, ComplaintHandlingProcess.TASK_REVIEW_QUALITY, """
        {"variables": {"qualityScore": {"value": 4}, "innovative": {"value": false}}}""");
  }

  /** Submit, handle, survey (satisfied), review: the complaint ends CLOSED. */
  public Created live(String handler, String reviewer) {
    Created c = submit();
    handle(c, handler);
    assertThat(answerSurvey(c, 5).statusCode()).isEqualTo(202);
    review(c, reviewer);
    return c;
  }

  private void claimAndSubmit(Created c, String user, String taskKey, String variables) {
    Http as = http.as(user, TestUsers.PASSWORD);
    JsonNode tasks = Http.json(as.get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + c.reference()
        + "&taskDefinitionKey=" + taskKey));
    assertThat(tasks).as("%s of %s visible to %s", taskKey, c.reference(), user).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    HttpResponse<String> claimed = as.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + user + "\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> submitted = as.postJson("/engine-rest/task/" + taskId + "/submit-form", variables);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    runDueJobs(c.reference());
  }

  /** Runs the due jobs (save points, e-mails) of the complaint's process instances until none is left. */
  public void runDueJobs(String reference) {
    Handling.runDueJobs(engine, reference);
  }
}
