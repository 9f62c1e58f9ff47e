package com.redress.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Complaints through their whole life on running nodes, as their users drive them: the customer
 * over {@code /api}, handler and reviewer over engine REST (the calls Tasklist makes), each step on
 * the next node. One in ten handlers proposes a voucher within their own authority, so it is issued
 * without an approver; with an approver, another one in ten proposes a refund a supervisor approves.
 * The nodes' job executors do the rest; the clients wait for what they see.
 */
public final class ClusterWorkload {

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private final List<RedressNode> nodes;
  private final String handler;
  private final String reviewer;
  private final String approver;

  /** @param handler a member of team-logistics; @param reviewer a member of quality-reviewers */
  public ClusterWorkload(List<RedressNode> nodes, String handler, String reviewer) {
    this(nodes, handler, reviewer, null);
  }

  private ClusterWorkload(List<RedressNode> nodes, String handler, String reviewer, String approver) {
    this.nodes = List.copyOf(nodes);
    this.handler = handler;
    this.reviewer = reviewer;
    this.approver = approver;
  }

  /** The same workload with refunds that {@code supervisor} (a member of supervisors) approves. */
  public ClusterWorkload withApprover(String supervisor) {
    return new ClusterWorkload(nodes, handler, reviewer, supervisor);
  }

  /** Tasks people complete per complaint: handling, quality review, and the approvals. */
  public double humanStepsPerComplaint() {
    return approver == null ? 2 : 2.1;
  }

  /** Runs {@code complaints} lives on {@code clients} threads; returns their references, in order. */
  public List<String> run(int complaints, int clients) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<String>> lives = new ArrayList<>();
      for (int i = 0; i < complaints; i++) {
        int n = i;
        lives.add(pool.submit(() -> live(n)));
      }
      List<String> references = new ArrayList<>();
      for (Future<String> life : lives) {
        references.add(life.get());
        if (references.size() % 100 == 0) {
          System.out.println("[progress] " + references.size() + " of " + complaints + " complaints closed");
        }
      }
      return references;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One in ten complaints is compensated with a voucher. */
  public static int compensated(int complaints) {
    return (complaints + 9) / 10;
  }

  /** With an approver, another one in ten (the fifth of each ten) with an approved refund. */
  public static int compensatedWithApprover(int complaints) {
    return compensated(complaints) + (complaints + 4) / 10;
  }

  /** One complaint's whole life; returns its reference. */
  public String live(int n) {
    RedressNode first = nodes.get(n % nodes.size());
    RedressNode second = nodes.get((n + 1) % nodes.size());
    HttpResponse<String> created = first.http().postJson("/api/complaints", Submissions.valid("DAMAGE", "PLATINUM"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = Http.json(created).get("reference").asText();
    String token = Http.json(created).get("accessToken").asText();
    boolean refund = approver != null && n % 10 == 5;
    String outcome = n % 10 == 0 ? compensation("VOUCHER", "50.00")
        : refund ? compensation("REFUND", "800.00")
        : "\"compensationType\": {\"value\": \"NONE\"}";
    completeTask(second, handler, reference, ComplaintHandlingProcess.TASK_HANDLE,
        "{\"variables\": {\"rootCause\": {\"value\": \"STAFF_ERROR\"}, \"resolution\": {\"value\": \"Replaced the vase.\"},"
            + " \"serviceFailureAcknowledged\": {\"value\": true}, " + outcome + "}}");
    if (refund) {
      completeTask(first, approver, reference, CompensationApprovalProcess.TASK_APPROVE,
          "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}");
    }
    awaitStatus(first, reference, token, "AWAITING_FEEDBACK");
    HttpResponse<String> answered = first.http().postJson("/api/complaints/" + reference + "/survey",
        "{\"token\": \"" + token + "\", \"score\": 5}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
    completeTask(second, reviewer, reference, ComplaintHandlingProcess.TASK_REVIEW_QUALITY,
        "{\"variables\": {\"qualityScore\": {\"value\": 4}, \"innovative\": {\"value\": false}}}");
    awaitStatus(first, reference, token, "CLOSED");
    return reference;
  }

  private static String compensation(String type, String amount) {
    return "\"compensationType\": {\"value\": \"" + type + "\"}, \"compensationAmount\": {\"value\": \"" + amount
        + "\"}, \"compensationCurrency\": {\"value\": \"CNY\"}, \"compensationReason\": {\"value\": \"A goodwill gesture.\"}";
  }

  private static void completeTask(RedressNode node, String user, String reference, String taskKey, String variables) {
    Http as = node.http().as(user, TestUsers.PASSWORD);
    JsonNode task = await(reference + " " + taskKey, () -> {
      JsonNode tasks = Http.json(as.get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + reference
          + "&taskDefinitionKey=" + taskKey));
      return tasks.isEmpty() ? null : tasks.get(0);
    });
    String id = task.get("id").asText();
    HttpResponse<String> claimed = as.postJson("/engine-rest/task/" + id + "/claim", "{\"userId\": \"" + user + "\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> submitted = as.postJson("/engine-rest/task/" + id + "/submit-form", variables);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
  }

  private static void awaitStatus(RedressNode node, String reference, String token, String status) {
    await(reference + " " + status, () -> status.equals(Http.json(node.http()
        .get("/api/complaints/" + reference + "?token=" + token)).get("status").asText()) ? Boolean.TRUE : null);
  }

  private static <T> T await(String what, Supplier<T> check) {
    return RedressNode.awaitValue(what, STEP_TIMEOUT, Duration.ofMillis(100), check);
  }
}
