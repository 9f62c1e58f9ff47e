package com.redress.modelcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Camunda Forms as Tasklist 7.24 (form-js 1.8.7) can render them, with the fields code reads. */
final class FormCheck {

  /** The newest form schema Tasklist 7.24 renders. */
  static final int MAX_SCHEMA_VERSION = 16;

  /**
   * A readable form: its file, the keys of its fields and of those it submits (form-js leaves a
   * disabled field's value out of the completion).
   */
  record Form(String file, Set<String> fields, Set<String> submitted) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormCheck() {
  }

  /** Reads every form, reporting what is wrong with each; returns the readable ones by id. */
  static Map<String, Form> read(List<ModelResource> resources, List<ModelProblem> problems) {
    Map<String, Form> forms = new LinkedHashMap<>();
    for (ModelResource resource : resources) {
      String file = resource.name();
      JsonNode form;
      try {
        form = JSON.readTree(resource.content());
      } catch (IOException e) {
        problems.add(ModelProblem.error(file, "-", "is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")",
            "open it in Camunda Modeler and save it again"));
        continue;
      }
      String id = form.path("id").asText(null);
      if (id == null || id.isBlank()) {
        problems.add(ModelProblem.error(file, "-", "has no form id", "give the form an id in Modeler's properties panel"));
        continue;
      }
      int schema = form.path("schemaVersion").asInt(0);
      if (schema < 1 || schema > MAX_SCHEMA_VERSION) {
        problems.add(ModelProblem.error(file, id, "schemaVersion is " + schema + "; Tasklist 7.24 renders up to "
            + MAX_SCHEMA_VERSION, "create the form for Camunda Platform 7.24 in Modeler (or set schemaVersion to 16)"));
      }
      String platform = form.path("executionPlatformVersion").asText("");
      if (!platform.startsWith("7.24")) {
        problems.add(ModelProblem.error(file, id, "executionPlatformVersion is '" + platform + "'",
            "choose Camunda Platform 7.24 in Modeler's status bar"));
      }
      Set<String> keys = new LinkedHashSet<>();
      Set<String> submitted = new LinkedHashSet<>();
      collectKeys(form.path("components"), file, id, keys, submitted, problems);
      if (forms.putIfAbsent(id, new Form(file, keys, submitted)) != null) {
        problems.add(ModelProblem.error(file, id, "has the same form id as " + forms.get(id).file(),
            "give each form its own id"));
      }
    }
    return forms;
  }

  /** Every form a process's code names must be there. */
  static void checkPresent(ProcessContract contract, Map<String, Form> forms, List<ModelProblem> problems) {
    for (String formId : contract.forms()) {
      if (!forms.containsKey(formId)) {
        problems.add(ModelProblem.error(formId + ".form", formId, "is missing, but " + contract.owner()
            + " names it", "keep the form with id " + formId + " together with process " + contract.key()));
      }
    }
  }

  /** A form code reads from must have those fields. */
  static void checkFields(ProcessContract contract, Map<String, Form> forms, List<ModelProblem> problems) {
    contract.formFields().forEach((formId, fields) -> {
      Form form = forms.get(formId);
      if (form == null) {
        return; // not among the checked files; a task referring to it is reported by the BPMN check
      }
      for (String field : fields) {
        if (!form.fields().contains(field)) {
          problems.add(ModelProblem.error(form.file(), formId, "has no field with key '" + field + "', which "
              + contract.owner() + " reads when the task completes",
              "add the field back with key '" + field + "' (labels may change, keys may not)"));
        }
      }
    });
  }

  private static void collectKeys(JsonNode components, String file, String formId, Set<String> keys,
      Set<String> submitted, List<ModelProblem> problems) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      if (key != null && !keys.add(key)) {
        problems.add(ModelProblem.error(file, component.path("id").asText(formId), "field key '" + key
            + "' is used twice", "give each field its own key"));
      }
      if (key != null && !component.path("disabled").asBoolean(false)) {
        submitted.add(key);
      }
      collectKeys(component.path("components"), file, formId, keys, submitted, problems);
    }
  }
}
