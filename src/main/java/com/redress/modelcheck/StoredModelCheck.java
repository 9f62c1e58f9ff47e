package com.redress.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The model check as it stands today, on what was deployed earlier: a deployment's stored
 * resources, against today's contracts and beans. A check that became stricter, or a bean that was
 * removed, shows up here for versions that passed when they were deployed. A deployment never
 * changes and neither do the check and the beans while the application runs, so each version is
 * checked once (the migration page shows every running version's check on every view).
 */
@Component
public class StoredModelCheck {

  private final RepositoryService repository;
  private final ListableBeanFactory beans;
  private final Map<String, List<ModelProblem>> checked = new ConcurrentHashMap<>();
  private final Map<String, VariablesAhead> ahead = new ConcurrentHashMap<>();

  StoredModelCheck(@Lazy RepositoryService repository, ListableBeanFactory beans) {
    this.repository = repository;
    this.beans = beans;
  }

  /**
   * What the check finds in the deployment of {@code definition} that concerns it: its own model and
   * the decisions and forms deployed with it (other processes' models in the same deployment are
   * theirs to answer for). The caller reads the engine as Redress.
   */
  public List<ModelProblem> check(ProcessDefinition definition) {
    return checked.computeIfAbsent(definition.getId(), id -> checkNow(definition));
  }

  /**
   * What {@code definition} reads ahead of a point that nothing on the way writes, with the forms
   * and decisions deployed with it and what Redress's code writes at its steps. The caller reads
   * the engine as Redress.
   */
  public VariablesAhead variablesAhead(ProcessDefinition definition) {
    return ahead.computeIfAbsent(definition.getId(), id -> VariablesAhead.of(repository.getBpmnModelInstance(id),
        definition.getKey(), resources(definition), ModelBeans.of(beans)));
  }

  private List<ModelResource> resources(ProcessDefinition definition) {
    String deploymentId = definition.getDeploymentId();
    return repository.getDeploymentResources(deploymentId).stream()
        .map(resource -> new ModelResource(resource.getName(), read(deploymentId, resource.getId()))).toList();
  }

  private List<ModelProblem> checkNow(ProcessDefinition definition) {
    List<ModelResource> resources = resources(definition);
    String own = new ModelResource(definition.getResourceName(), new byte[0]).fileName();
    return new ModelCheck(ModelBeans.of(beans)).check(resources).stream()
        .filter(problem -> !problem.file().endsWith(".bpmn") || new ModelResource(problem.file(), new byte[0])
            .fileName().equals(own))
        .toList();
  }

  private byte[] read(String deploymentId, String resourceId) {
    try (InputStream content = repository.getResourceAsStreamById(deploymentId, resourceId)) {
      return content.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
