package com.redress.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.redress.shared.BodyReadAgain;
import com.redress.shared.EnginePaths;
import com.redress.shared.EnginePaths.Target;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a user may send when completing a task or writing its variables, through Tasklist or engine
 * REST: only the fields its form lets them edit (a read-only field only with its current value),
 * plain values (text of at most 4000 characters, numbers, true/false, no serialized objects), in
 * JSON the server can read. Anything else is refused with 400 naming the variable, before the
 * engine sees it. Without this a handler could overwrite {@code complaintReference} or
 * {@code category} with their completion and steer later steps to another complaint, or make them
 * fail with a 500; the engine's own text column refuses longer text only when the transaction ends.
 * Registered for every path, it runs after the engines' and webapps' authentication filters, so
 * it looks up the task with the caller's authorizations.
 */
@Component
class TaskInputGuard extends OncePerRequestFilter {

  /** The calls that complete a task or write its variables, on the engine path in canonical form ({@link EnginePaths}). */
  private static final Pattern TASK_WRITE = Pattern.compile(
      "^/task/([^/]+)/(complete|submit-form|resolve|variables|localVariables)(?:/([^/]+))?$");
  /** Tasklist's start dialog: the start form's fields only (a complaint reference is Redress's to give). */
  private static final Pattern START_FORM = Pattern.compile(
      "^/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/submit-form$");
  private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "short", "double");
  /** Camunda keeps text variables in a column of this many characters. */
  static final int MAX_TEXT = 4000;
  private static final int MAX_BODY_BYTES = 256 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskService tasks;
  private final FormService forms;
  private final RepositoryService repository;
  /** Editable and read-only fields per task definition of a deployed process version. */
  private final Map<String, FormFields> fieldsByTask = new ConcurrentHashMap<>();

  /** What a form field holds, from its form-js component type. */
  private enum Kind {
    TEXT, NUMBER, FLAG;

    static Kind of(JsonNode component) {
      return switch (component.path("type").asText("")) {
        case "number" -> NUMBER;
        case "checkbox" -> FLAG;
        // a select or radio holds what its options hold (a score 1 to 5 is a number)
        case "select", "radio" -> component.path("values").size() > 0
            && component.path("values").findValues("value").stream().allMatch(TaskInputGuard::finiteNumber)
            ? NUMBER : TEXT;
        default -> TEXT; // textfield, textarea, datetime
      };
    }
  }

  private record FormFields(Map<String, Kind> editable, Set<String> readOnly) {
  }

  TaskInputGuard(TaskService tasks, FormService forms, RepositoryService repository) {
    this.tasks = tasks;
    this.forms = forms;
    this.repository = repository;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // a path without canonical form never gets here: EngineRestGuard refuses it first
    Target target = EnginePaths.canonical(request.getRequestURI().substring(request.getContextPath().length()))
        .map(EnginePaths::target).orElse(null);
    String path = target != null && target.api().equals(Target.ENGINE) ? target.path() : "";
    Matcher write = TASK_WRITE.matcher(path);
    Matcher start = START_FORM.matcher(path);
    if (!(write.matches() || start.matches()) || "GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    String refusal = body.length > MAX_BODY_BYTES ? "The request body is larger than " + MAX_BODY_BYTES + " bytes"
        : write.matches() ? refusal(write.group(1), write.group(2), write.group(3), request.getMethod(), body)
        : startRefusal(start.group(1), start.group(2), body);
    if (refusal != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      ObjectNode error = JSON.createObjectNode().put("type", "InvalidRequestException").put("message", refusal);
      error.putNull("code");
      response.getWriter().write(JSON.writeValueAsString(error));
      return;
    }
    chain.doFilter(new BodyReadAgain(request, body), response);
  }

  /** Why this write is refused, or null to let the engine (and its authorizations) decide. */
  private String refusal(String taskId, String operation, String variableName, String method, byte[] body) {
    Task task;
    FormFields fields;
    try {
      task = tasks.createTaskQuery().taskId(taskId).singleResult();
      fields = task == null ? null : fieldsOf(task);
    } catch (ProcessEngineException notVisibleToTheCaller) {
      return null;
    }
    if (fields == null) {
      return null; // no such task for this caller, or no Camunda Form: the engine answers as usual
    }
    return check(fields, name -> tasks.getVariable(taskId, name), operation, variableName, method, body);
  }

  /** Why this start is refused, or null; an unknown or invisible definition is the engine's to answer. */
  private String startRefusal(String key, String definitionId, byte[] body) {
    FormFields fields;
    try {
      ProcessDefinition definition = key != null
          ? repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
          : repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
      fields = definition == null ? null : fieldsByTask.computeIfAbsent(definition.getId() + "#start",
          cacheKey -> read(() -> forms.getDeployedStartForm(definition.getId())));
    } catch (ProcessEngineException notVisibleToTheCaller) {
      return null;
    }
    // nothing is stored yet: a read-only field may only come empty
    return fields == null ? null : check(fields, name -> null, "submit-form", null, "POST", body);
  }

  private String check(FormFields fields, Function<String, Object> current, String operation, String variableName,
      String method, byte[] body) {
    Map<String, JsonNode> values = new HashMap<>();
    List<String> removed = new ArrayList<>();
    if (variableName != null) {
      if ("DELETE".equals(method)) {
        removed.add(variableName);
      } else {
        JsonNode value = parse(body);
        if (value == null) {
          return "The request body is not valid JSON";
        }
        values.put(variableName, value);
      }
    } else if (body.length > 0) {
      JsonNode json = parse(body);
      if (json == null || !json.isObject()) {
        return "The request body is not valid JSON";
      }
      JsonNode sent = json.path(operation.endsWith("ariables") ? "modifications" : "variables");
      sent.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue()));
      json.path("deletions").forEach(name -> removed.add(name.asText()));
    }
    for (String name : removed) {
      if (!fields.editable().containsKey(name)) {
        return "variables." + name + " cannot be removed: it is not a field this task's form lets you change";
      }
    }
    for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
      String problem = problem(current, fields, entry.getKey(), entry.getValue());
      if (problem != null) {
        return "variables." + entry.getKey() + " " + problem;
      }
    }
    return null;
  }

  private static String problem(Function<String, Object> current, FormFields fields, String name, JsonNode variable) {
    if (!variable.isObject()) {
      return "must be an object like {\"value\": …}";
    }
    JsonNode value = variable.path("value");
    String type = variable.path("type").isNull() ? null : variable.path("type").asText(null);
    type = type == null ? null : type.toLowerCase(Locale.ROOT);
    boolean empty = value.isMissingNode() || value.isNull();
    Kind kind = fields.editable().get(name);
    if (kind != null) {
      return switch (kind) {
        case TEXT -> (type == null || type.equals("string")) && (empty || value.isTextual())
            ? (value.asText().length() > MAX_TEXT ? "is longer than " + MAX_TEXT + " characters" : null)
            : "must be text";
        // Tasklist sends a score chosen from "1" to "5" as text; the task's completion check takes it as a number
        case NUMBER -> (type == null || NUMBER_TYPES.contains(type) || type.equals("string") && value.isTextual())
            && (empty || finiteNumber(value)) ? null : "must be a number";
        case FLAG -> (type == null || type.equals("boolean")) && (empty || value.isBoolean()) ? null
            : "must be true or false";
      };
    }
    if (fields.readOnly().contains(name)) {
      // Tasklist may send a read-only field back: only as it is
      Object now = current.apply(name);
      String sent = empty ? null : value.asText();
      return Objects.equals(now == null ? null : now.toString(), sent) ? null
          : "is read-only in this task's form";
    }
    return "is not a field of this task's form";
  }

  private static boolean finiteNumber(JsonNode value) {
    if (value.isNumber()) {
      return Double.isFinite(value.asDouble());
    }
    try {
      return value.isTextual() && value.asText().length() <= 40 && Double.isFinite(new BigDecimal(
          value.asText().strip()).doubleValue());
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private FormFields fieldsOf(Task task) {
    return fieldsByTask.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
        key -> read(() -> forms.getDeployedTaskForm(task.getId())));
  }

  private static FormFields read(Supplier<InputStream> deployedForm) {
    try (InputStream form = deployedForm.get()) {
      FormFields fields = new FormFields(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
      collect(JSON.readTree(form).path("components"), fields);
      return fields;
    } catch (IOException | ProcessEngineException e) {
      return null;
    }
  }

  private static void collect(JsonNode components, FormFields fields) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null) {
        if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
          fields.readOnly().add(key);
        } else {
          fields.editable().put(key, Kind.of(component));
        }
      }
      collect(component.path("components"), fields);
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
