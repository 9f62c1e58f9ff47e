package com.redress.tasklist;

import java.util.List;

/**
 * The calls Cockpit 7.24 makes for a process definition's page and its running-instances list, and
 * Admin's for the task authorizations page, by the webapps' own API paths.
 */
final class OperatorPages {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";

  /** One call: a GET when {@code json} is null. */
  record Call(String name, String path, String json) {
  }

  private OperatorPages() {
  }

  /** The definition's page: its data, diagram, activity statistics, called processes, jobs, incidents, instances. */
  static List<Call> processDefinition(String definitionId) {
    String byDefinition = "{\"processDefinitionId\":\"" + definitionId + "\"}";
    return List.of(
        new Call("definition", ENGINE + "/process-definition/" + definitionId, null),
        new Call("diagram", ENGINE + "/process-definition/" + definitionId + "/xml", null),
        new Call("activity statistics", ENGINE + "/process-definition/" + definitionId + "/statistics?failedJobs=true",
            null),
        new Call("called processes", COCKPIT + "/process-definition/" + definitionId + "/called-process-definitions",
            "{}"),
        new Call("job definitions", ENGINE + "/job-definition?processDefinitionId=" + definitionId
            + "&firstResult=0&maxResults=50", null),
        new Call("incidents", COCKPIT + "/incident/count", "{\"processDefinitionIdIn\":[\"" + definitionId + "\"]}"),
        new Call("running instances, first 50", COCKPIT + "/process-instance?firstResult=0&maxResults=50",
            byDefinition.replace("}", ",\"sortBy\":\"startTime\",\"sortOrder\":\"desc\"}")),
        new Call("running instances, count", COCKPIT + "/process-instance/count", byDefinition),
        new Call("processes dashboard", COCKPIT + "/process-definition/statistics?firstResult=0&maxResults=50", null));
  }

  /** Admin's authorizations page for tasks (resource type 7): first page and count. */
  static List<Call> taskAuthorizations() {
    return List.of(
        new Call("task authorizations, first 50", ENGINE + "/authorization?resourceType=7&firstResult=0&maxResults=50",
            null),
        new Call("task authorizations, count", ENGINE + "/authorization/count?resourceType=7", null));
  }
}
