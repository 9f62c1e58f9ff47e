package com.redress.modelcheck;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the model check on every new deployment, whoever makes it (Modeler through
 * /engine-rest/deployment/create, Cockpit, the application's own start): a deployment with
 * errors is refused before anything is stored. The refusal is a {@link ParseException}, which
 * engine REST answers with 400 and each problem, so Modeler shows the messages.
 */
@Component
class DeploymentCheck extends AbstractProcessEnginePlugin {

  private final ListableBeanFactory beans;

  DeploymentCheck(ListableBeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(this::check);
  }

  private void check(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a known deployment being loaded into the cache again
    }
    List<ModelResource> resources = deployment.getResources().values().stream()
        .map(r -> new ModelResource(r.getName(), r.getBytes())).toList();
    List<ModelProblem> errors = new ModelCheck(ModelBeans.of(beans)).check(resources).stream()
        .filter(ModelProblem::isError).toList();
    if (!errors.isEmpty()) {
      throw new RefusedDeployment(deployment.getName(), errors);
    }
  }

  /** The check's errors as engine REST reports parse errors: per resource, with element ids. */
  static final class RefusedDeployment extends ParseException {

    private final transient List<ResourceReport> reports;

    RefusedDeployment(String deployment, List<ModelProblem> errors) {
      super(message(deployment, errors), null, List.of(), List.of());
      this.reports = errors.stream().map(ModelProblem::file).distinct()
          .<ResourceReport>map(file -> new Report(file, errors.stream().filter(e -> e.file().equals(file))
              .<Problem>map(Finding::new).toList()))
          .toList();
    }

    @Override
    public List<ResourceReport> getResorceReports() {
      return reports;
    }

    private static String message(String deployment, List<ModelProblem> errors) {
      StringBuilder text = new StringBuilder("Deployment '" + deployment + "' refused by the model check ("
          + errors.size() + " problems):");
      errors.forEach(e -> text.append('\n').append(e));
      return text.toString();
    }
  }

  private record Report(String resource, List<Problem> errors) implements ResourceReport {
    @Override
    public String getResourceName() {
      return resource;
    }

    @Override
    public List<Problem> getErrors() {
      return errors;
    }

    @Override
    public List<Problem> getWarnings() {
      return List.of();
    }
  }

  private record Finding(ModelProblem problem) implements Problem {
    @Override
    public String getMessage() {
      return problem.message() + ". Fix: " + problem.fix();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return problem.element();
    }

    @Override
    public List<String> getElementIds() {
      return List.of(problem.element());
    }
  }
}
