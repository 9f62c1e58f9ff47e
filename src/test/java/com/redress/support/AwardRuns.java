package com.redress.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.award.EmployeeAwardProcess;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;

/** Award runs as the committee starts them over the API. */
public final class AwardRuns {

  private AwardRuns() {
  }

  /** Requested over the API, its scoring job run, read back over the API; each handler scored once. */
  public static JsonNode scored(Http committee, ProcessEngine engine, String period) {
    HttpResponse<String> created = committee.postJson("/api/award-runs", "{\"period\": \"" + period + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = Http.json(created).get("id").asText();
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(EmployeeAwardProcess.KEY)
        .singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instance).activityId(EmployeeAwardProcess.TASK_SCORE).singleResult().getId());
    JsonNode run = Http.json(committee.get("/api/award-runs/" + id));
    List<String> handlers = new ArrayList<>();
    run.get("scores").forEach(s -> handlers.add(s.get("handler").asText()));
    assertThat(handlers).doesNotHaveDuplicates();
    return run;
  }

  /** The handler's score in a run read by {@link #scored}. */
  public static JsonNode score(JsonNode run, String handler) {
    for (JsonNode s : run.get("scores")) {
      if (s.get("handler").asText().equals(handler)) {
        return s;
      }
    }
    throw new AssertionError("no score for " + handler + " in " + run);
  }
}
