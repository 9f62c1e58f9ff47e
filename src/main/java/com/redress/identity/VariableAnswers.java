package com.redress.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.identity.EngineVariableReads.Seen;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The engine REST calls whose answers show process variables, and the variables in an answer: a map
 * of names for a task's, execution's or process instance's variables, a list of variable instances
 * (or their history) for the queries Cockpit makes.
 */
final class VariableAnswers {

  /** {owner}/{id}/variables|localVariables|form-variables[/{name}]; binary contents (…/data) are not shown as text. */
  private static final Pattern OF_ONE_OWNER = Pattern.compile(
      "/(task|process-instance|execution)/[^/]+/(variables|localVariables|form-variables)(/[^/]+)?");
  /** A task's completion asked to answer with the process's variables ({@code withVariablesInReturn}). */
  private static final Pattern COMPLETION = Pattern.compile("/task/[^/]+/(complete|submit-form)");
  private static final Set<String> QUERIES = Set.of("/variable-instance", "/history/variable-instance",
      "/history/detail");
  private static final Pattern ONE_INSTANCE = Pattern.compile("/(variable-instance|history/variable-instance"
      + "|history/detail)/[^/]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private VariableAnswers() {
  }

  /** Whether the answer to this engine REST call (path relative to the engine) shows variables. */
  static boolean shows(String method, String path) {
    if (method.equals("POST")) {
      return QUERIES.contains(path) || COMPLETION.matcher(path).matches();
    }
    return method.equals("GET") && (OF_ONE_OWNER.matcher(path).matches() || QUERIES.contains(path)
        || ONE_INSTANCE.matcher(path).matches() && !path.endsWith("/count"));
  }

  /** The variables shown in {@code answer} to the call to {@code path}. */
  static List<Seen> seen(String path, byte[] answer) throws IOException {
    JsonNode json = JSON.readTree(answer);
    List<Seen> seen = new ArrayList<>();
    if (json == null) {
      return seen;
    }
    if (OF_ONE_OWNER.matcher(path).matches() || COMPLETION.matcher(path).matches()) {
      String[] segments = path.substring(1).split("/");
      String id = segments[1];
      List<String> names = new ArrayList<>();
      if (segments.length > 3) {
        names.add(segments[3]);
      } else {
        json.fieldNames().forEachRemaining(names::add);
      }
      for (String name : names) {
        seen.add(switch (segments[0]) {
          case "task" -> new Seen(name, id, null, null);
          case "execution" -> new Seen(name, null, id, null);
          default -> new Seen(name, null, null, id);
        });
      }
      return seen;
    }
    for (JsonNode variable : json.isArray() ? json : List.of(json)) {
      // variable instances name themselves "name", historic details "variableName", old form fields "fieldId"
      String name = variable.path("name").asText(variable.path("variableName").asText(
          variable.path("fieldId").asText(null)));
      if (name != null) {
        seen.add(new Seen(name, variable.path("taskId").asText(null), variable.path("executionId").asText(null),
            variable.path("processInstanceId").asText(null)));
      }
    }
    return seen;
  }
}
