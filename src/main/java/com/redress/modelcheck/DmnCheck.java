package com.redress.modelcheck;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Rule;

/** Decision tables the Camunda 7 DMN engine evaluates the way their callers expect. */
final class DmnCheck {

  /**
   * A readable decision table: what it reads, the decisions it requires and their outputs, and
   * whether it can return more than one result.
   */
  record DecisionInfo(String file, String id, HitPolicy hitPolicy, boolean aggregated,
      Map<String, Set<String>> inputVariables, Set<String> requiredDecisions, Set<String> requiredOutputs) {

    boolean mayReturnSeveral() {
      return (hitPolicy == HitPolicy.COLLECT && !aggregated) || hitPolicy == HitPolicy.RULE_ORDER;
    }

    /** What evaluating it reads from its caller: its inputs, but a required decision's output, and what that reads. */
    Set<String> callerReads(Map<String, DecisionInfo> decisions) {
      Set<String> reads = new LinkedHashSet<>();
      inputVariables.values().forEach(reads::addAll);
      reads.removeAll(requiredOutputs);
      requiredDecisions.stream().map(decisions::get).filter(Objects::nonNull)
          .forEach(required -> reads.addAll(required.callerReads(decisions)));
      return reads;
    }
  }

  private DmnCheck() {
  }

  static Map<String, DecisionInfo> read(List<ModelResource> resources, List<ModelProblem> problems) {
    Map<String, DecisionInfo> decisions = new LinkedHashMap<>();
    for (ModelResource resource : resources) {
      String file = resource.name();
      DmnModelInstance model;
      try {
        model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
      } catch (RuntimeException e) {
        problems.add(ModelProblem.error(file, "-", "cannot be read: " + rootMessage(e),
            "open it in Camunda Modeler, fix what it shows and save it again"));
        continue;
      }
      ExpressionSafety.checkDmn(file, model.getDocument().getDomSource().getNode(), problems);
      BpmnCheck.checkPlatform(model.getDocument().getRootElement().getAttribute(BpmnCheck.MODELER_NS,
          "executionPlatformVersion"), file, problems);
      if (!new String(resource.content(), java.nio.charset.StandardCharsets.UTF_8).contains("DMNDiagram")) {
        problems.add(ModelProblem.error(file, "-", "has no diagram (DMNDI)",
            "open it in Camunda Modeler and save it: Modeler adds the diagram"));
      }
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        DecisionInfo info = check(file, decision, problems);
        if (info != null) {
          decisions.put(decision.getId(), info);
        }
      }
    }
    return decisions;
  }

  private static DecisionInfo check(String file, Decision decision, List<ModelProblem> problems) {
    String id = decision.getId();
    if (decision.getCamundaHistoryTimeToLiveString() == null) {
      problems.add(ModelProblem.error(file, id, "has no history time to live",
          "set History cleanup › Time to live (e.g. 3650 days) in the decision's properties"));
    }
    if (decision.getVersionTag() == null) {
      problems.add(ModelProblem.error(file, id, "has no version tag",
          "set a version tag (e.g. 1.1.0) so auditors can tell the versions apart"));
    }
    if (!(decision.getExpression() instanceof DecisionTable table)) {
      problems.add(ModelProblem.error(file, id, "is not a decision table",
          "Redress only evaluates decision tables; model the logic as a table"));
      return null;
    }
    HitPolicy hitPolicy = table.getHitPolicy();
    if (hitPolicy == HitPolicy.PRIORITY || hitPolicy == HitPolicy.OUTPUT_ORDER) {
      problems.add(ModelProblem.error(file, id, "hit policy " + hitPolicy + " is not supported by Camunda 7",
          "use FIRST (ordered rules) or UNIQUE"));
    }
    if (table.getRules().isEmpty()) {
      problems.add(ModelProblem.error(file, id, "has no rules", "add at least one rule"));
    }
    if (hitPolicy == HitPolicy.UNIQUE) {
      checkUnique(file, table, problems);
    }
    Map<String, Set<String>> inputs = new LinkedHashMap<>();
    for (Input input : table.getInputs()) {
      String text = input.getInputExpression() == null || input.getInputExpression().getText() == null ? null
          : input.getInputExpression().getText().getTextContent();
      if (text == null || text.isBlank()) {
        problems.add(ModelProblem.error(file, input.getId(), "input has no expression",
            "enter the variable (or FEEL expression) the input reads"));
        continue;
      }
      inputs.put(input.getId(), Expressions.variables(text));
    }
    Set<String> requiredOutputs = new LinkedHashSet<>();
    Set<String> requiredDecisions = new LinkedHashSet<>();
    for (InformationRequirement requirement : decision.getInformationRequirements()) {
      Decision required = requirement.getRequiredDecision();
      if (required == null) {
        problems.add(ModelProblem.error(file, id, "requires a decision that is not in this file",
            "keep required decisions in the same DMN file (Camunda 7 evaluates a DRD from one file)"));
      } else {
        requiredDecisions.add(required.getId());
        if (required.getExpression() instanceof DecisionTable requiredTable) {
          requiredTable.getOutputs().forEach(o -> requiredOutputs.add(o.getName()));
        }
      }
    }
    return new DecisionInfo(file, id, hitPolicy, table.getAggregation() != null, inputs, requiredDecisions,
        requiredOutputs);
  }

  /** Two rules with the same input entries always both match: UNIQUE then fails at run time. */
  private static void checkUnique(String file, DecisionTable table, List<ModelProblem> problems) {
    Map<List<String>, String> seen = new HashMap<>();
    for (Rule rule : table.getRules()) {
      List<String> entries = new ArrayList<>();
      for (InputEntry entry : rule.getInputEntries()) {
        String text = entry.getText() == null ? "" : entry.getText().getTextContent();
        entries.add(text.isBlank() || text.equals("-") ? "" : text.replace(" ", ""));
      }
      String earlier = seen.putIfAbsent(entries, rule.getId());
      if (earlier != null) {
        problems.add(ModelProblem.error(file, rule.getId(), "matches exactly the inputs of rule " + earlier
            + "; hit policy UNIQUE allows one match", "change one rule's conditions, or use hit policy FIRST"));
      }
    }
  }

  /** Every decision a process's code names must be there. */
  static void checkPresent(ProcessContract contract, Map<String, DecisionInfo> decisions,
      List<ModelProblem> problems) {
    for (String id : contract.decisions()) {
      if (!decisions.containsKey(id)) {
        problems.add(ModelProblem.error(id + ".dmn", id, "is missing, but " + contract.owner() + " evaluates it",
            "keep a decision with id " + id + " together with process " + contract.key() + " (ids may not change)"));
      }
    }
  }

  /** Every variable a decision's inputs read must be one its callers provide. */
  static void checkInputs(Map<String, DecisionInfo> decisions, Set<String> provided, List<ModelProblem> problems) {
    for (DecisionInfo decision : decisions.values()) {
      decision.inputVariables().forEach((inputId, variables) -> {
        for (String variable : variables) {
          if (!provided.contains(variable) && !decision.requiredOutputs().contains(variable)) {
            problems.add(ModelProblem.error(decision.file(), inputId, "decision " + decision.id()
                + " reads '" + variable + "', which no caller provides",
                "use one of the process variables listed in docs/analysts.md, or map it in the calling task's input parameters"));
          }
        }
      });
    }
  }

  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
  }
}
