package com.redress.modelcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check every model, form and decision must pass before it runs: on analysts' machines
 * ({@link CheckModelsCommand}), in the build (ModelCheckTest) and on every deployment
 * ({@link DeploymentCheck}). Files are checked as a set: a task's form and a business rule task's
 * decision must be among them, as they must be in one deployment.
 */
public final class ModelCheck {

  static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".dmn", ".form");

  private final ModelBeans beans;
  private final Map<String, ProcessContract> contracts = new LinkedHashMap<>();

  public ModelCheck(ModelBeans beans) {
    this.beans = beans;
    ProcessContract.REDRESS.forEach(c -> contracts.put(c.key(), c));
  }

  /** A check that knows Redress's own beans without starting the application: for the command line. */
  public static ModelCheck withScannedBeans() {
    return new ModelCheck(ModelBeans.scanned());
  }

  /**
   * Every problem in the given files, errors first. Only .bpmn, .dmn and .form files are models: the
   * engine would also deploy and run other names (a process in {@code probe.bpmn20.xml}, a case in
   * {@code .cmmn}), so any other file is refused rather than passed over.
   */
  public List<ModelProblem> check(List<ModelResource> resources) {
    List<ModelProblem> problems = new ArrayList<>();
    resources.stream().filter(r -> MODEL_SUFFIXES.stream().noneMatch(r::is)).forEach(r -> problems.add(
        ModelProblem.error(r.name(), "-", "is not a model Redress deploys",
            "deploy only .bpmn, .dmn and .form files (Camunda Modeler saves these)")));
    Map<String, FormCheck.Form> forms = FormCheck.read(only(resources, ".form"), problems);
    Map<String, DmnCheck.DecisionInfo> decisions = DmnCheck.read(only(resources, ".dmn"), problems);
    BpmnCheck.Result models = new BpmnCheck(beans, contracts, forms, decisions, problems)
        .check(only(resources, ".bpmn"));
    for (ProcessContract contract : contracts.values()) {
      FormCheck.checkFields(contract, forms, problems);
      if (models.processIds().contains(contract.key())) {
        // the forms and decisions code names must come along with its process
        FormCheck.checkPresent(contract, forms, problems);
        DmnCheck.checkPresent(contract, decisions, problems);
      }
    }
    Set<String> provided = new HashSet<>(models.inputParameters());
    contracts.values().forEach(c -> provided.addAll(c.variables()));
    forms.values().forEach(f -> provided.addAll(f.fields()));
    DmnCheck.checkInputs(decisions, provided, problems);
    problems.sort(Comparator.comparing(ModelProblem::severity).thenComparing(ModelProblem::file));
    return problems;
  }

  private static List<ModelResource> only(List<ModelResource> resources, String extension) {
    return resources.stream().filter(r -> r.is(extension)).toList();
  }
}
