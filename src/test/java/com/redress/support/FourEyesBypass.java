package com.redress.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;

/**
 * Tries every way a user excluded by a four-eyes rule could decide a task or pre-fill its decision:
 * Tasklist's buttons, engine REST ({@code claim}, {@code complete}, {@code submit-form},
 * {@code resolve}, variable modification, a colleague's {@code assignee} and {@code delegate}) and
 * the Java API. Reports each way that was not refused with a four-eyes reason, and whether the task
 * changed at all.
 */
public final class FourEyesBypass {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final ProcessEngine engine;
  private final String taskId;
  private final String excluded;
  private final String colleague;
  private final Map<String, Object> decision;
  private final List<String> notRefused = new ArrayList<>();

  /**
   * @param excluded a user in the task's candidate group whom the rule excludes
   * @param colleague another member of the group who may decide
   * @param decision the values a completion would send (they must not land on the task)
   */
  public FourEyesBypass(int port, ProcessEngine engine, String taskId, String excluded, String colleague,
      Map<String, Object> decision) {
    this.port = port;
    this.engine = engine;
    this.taskId = taskId;
    this.excluded = excluded;
    this.colleague = colleague;
    this.decision = decision;
  }

  /** Every way tried; returns the ways that got through or changed the task (empty: all refused). */
  public List<String> tryEveryWay() {
    TaskService tasks = engine.getTaskService();
    Map<String, Object> before = tasks.getVariables(taskId);
    String variables = "{\"variables\": " + restValues() + "}";
    String modifications = "{\"modifications\": " + restValues() + "}";

    Http rest = new Http(port).as(excluded, TestUsers.PASSWORD);
    rest("engine REST claim", rest.postJson(path("/claim"), "{\"userId\": \"" + excluded + "\"}"));
    rest("engine REST complete", rest.postJson(path("/complete"), variables));
    rest("engine REST submit-form", rest.postJson(path("/submit-form"), variables));
    rest("engine REST resolve", rest.postJson(path("/resolve"), variables));
    rest("engine REST variables", rest.postJson(path("/variables"), modifications));
    rest("engine REST localVariables", rest.postJson(path("/localVariables"), modifications));

    Http asColleague = new Http(port).as(colleague, TestUsers.PASSWORD);
    rest("engine REST assignee set by a colleague",
        asColleague.postJson(path("/assignee"), "{\"userId\": \"" + excluded + "\"}"));
    asColleague.postJson(path("/claim"), "{\"userId\": \"" + colleague + "\"}");
    rest("engine REST delegate by a colleague",
        asColleague.postJson(path("/delegate"), "{\"userId\": \"" + excluded + "\"}"));
    asColleague.postJson(path("/unclaim"), "{}");

    TasklistSession tasklist = TasklistSession.signIn(port, excluded, TestUsers.PASSWORD);
    rest("Tasklist claim", tasklist.post("/task/" + taskId + "/claim", "{\"userId\": \"" + excluded + "\"}"));
    rest("Tasklist submit-form", tasklist.post("/task/" + taskId + "/submit-form", variables));

    java("Java API claim", true, () -> tasks.claim(taskId, excluded));
    java("Java API complete", true, () -> tasks.complete(taskId, decision));
    java("Java API setVariables", true, () -> tasks.setVariables(taskId, decision));
    java("Java API setVariablesLocal", true, () -> tasks.setVariablesLocal(taskId, decision));
    java("Java API resolveTask", true, () -> tasks.resolveTask(taskId, decision));
    java("Java API setAssignee", false, () -> tasks.setAssignee(taskId, excluded));
    java("Java API delegateTask", false, () -> tasks.delegateTask(taskId, excluded));

    Task after = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (after == null) {
      notRefused.add("the task was completed");
    } else {
      if (after.getAssignee() != null || after.getOwner() != null || after.getDelegationState() != null) {
        notRefused.add("the task changed hands: assignee " + after.getAssignee() + ", owner " + after.getOwner()
            + ", delegation " + after.getDelegationState());
      }
      // compared as text: a JSON variable's value is a new object on every read
      if (!tasks.getVariables(taskId).toString().equals(before.toString())) {
        notRefused.add("the task's variables changed: " + before + " -> " + tasks.getVariables(taskId));
      }
    }
    return notRefused;
  }

  private void rest(String way, HttpResponse<String> response) {
    // a refusal by the assignment listener reaches engine REST as 500 (ADR 7): a refusal all the same
    if (response.statusCode() < 400 || !response.body().contains("four-eyes")) {
      notRefused.add(way + ": " + response.statusCode() + " " + response.body());
    }
  }

  /** {@code signedIn}: as the excluded user with their groups; otherwise as the application itself. */
  private void java(String way, boolean signedIn, Runnable call) {
    IdentityService identity = engine.getIdentityService();
    if (signedIn) {
      identity.setAuthentication(excluded, identity.createGroupQuery().groupMember(excluded).list()
          .stream().map(Group::getId).toList());
    }
    try {
      call.run();
      notRefused.add(way + ": went through");
    } catch (RuntimeException e) {
      if (e.getMessage() == null || !e.getMessage().contains("four-eyes")) {
        notRefused.add(way + ": refused for another reason: " + e);
      }
    } finally {
      identity.clearAuthentication();
    }
  }

  private String path(String operation) {
    return "/engine-rest/task/" + taskId + operation;
  }

  private String restValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    decision.forEach((name, value) -> values.put(name, Map.of("value", value)));
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
