package com.redress.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * A decision as deployed together with a process version, parsed once and evaluated by a plain DMN
 * engine: for evaluations a delegate records itself (with inputs, outputs and version) rather than
 * as engine history outside any process. FEEL only, as in the process engine.
 */
@Component
public class DeployedDecisions {

  /** A parsed decision and the version it was deployed as. */
  public record Deployed(DmnDecision decision, int version) {
  }

  private final RepositoryService repository;
  private final DmnEngine dmn = FeelOnlyDecisions.engine();
  private final Map<String, Deployed> parsed = new ConcurrentHashMap<>();

  DeployedDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  /** The decision {@code key} from the deployment of process definition {@code processDefinitionId}. */
  public Deployed of(String processDefinitionId, String key) {
    return parsed.computeIfAbsent(processDefinitionId + "|" + key, cacheKey ->
        Context.getCommandContext().runWithoutAuthorization(() -> {
          String deployment = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
          DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
              .deploymentId(deployment).singleResult();
          return new Deployed(dmn.parseDecision(key, repository.getDecisionModel(deployed.getId())),
              deployed.getVersion());
        }));
  }

  public DmnEngine engine() {
    return dmn;
  }
}
