package com.redress.compensation;

import static com.redress.complaint.ComplaintHandlingProcess.RECOMMENDED_RANGES;
import static com.redress.complaint.ComplaintHandlingProcess.SEVERITY;

import com.redress.complaint.CompensationType;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * On creating Task_HandleComplaint: the handler sees the recommended range of every compensation
 * type for the complaint's severity, read from the deployed CompensationRange decision. Evaluated
 * by a plain DMN engine: a display, not a decision, so it leaves no history or audit rows.
 */
@Component
class RecommendedRangesListener implements TaskListener {

  private final RepositoryService repository;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  /** By process definition id. */
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  RecommendedRangesListener(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void notify(DelegateTask task) {
    String severity = SEVERITY.get(task);
    if (severity == null) {
      return;
    }
    // parsed once per process version: the decision deployed with it, as its own decisions are bound
    DmnDecision ranges = parsed.computeIfAbsent(task.getProcessDefinitionId(), processDefinition ->
        Context.getCommandContext().runWithoutAuthorization(() -> {
          String deployment = repository.getProcessDefinition(processDefinition).getDeploymentId();
          DecisionDefinition deployed = repository.createDecisionDefinitionQuery()
              .decisionDefinitionKey(CompensationApprovalProcess.DECISION_RANGE).deploymentId(deployment).singleResult();
          return dmn.parseDecision(CompensationApprovalProcess.DECISION_RANGE,
              repository.getDecisionModel(deployed.getId()));
        }));
    String text = Arrays.stream(CompensationType.values()).filter(t -> t != CompensationType.NONE)
        .map(type -> {
          var result = dmn.evaluateDecision(ranges, Map.of("compensationType", type.name(), "severity", severity))
              .getSingleResult();
          return result == null ? null : type.name() + ": " + result.getEntry("recommendedMin") + " to "
              + result.getEntry("recommendedMax");
        })
        .filter(line -> line != null)
        .collect(Collectors.joining("\n"));
    RECOMMENDED_RANGES.set(task.getExecution(), text + "\nAbove the range needs one approval level more.");
  }
}
