package com.redress.compensation;

import static com.redress.complaint.ComplaintHandlingProcess.COMPENSATION_TYPE;
import static com.redress.complaint.ComplaintHandlingProcess.RECOMMENDED_RANGES;
import static com.redress.complaint.ComplaintHandlingProcess.SEVERITY;

import com.redress.complaint.CompensationType;
import com.redress.shared.DeployedDecisions;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating Task_HandleComplaint: the handler sees the recommended range of every compensation
 * type for the complaint's severity, read from the deployed CompensationRange decision. Evaluated
 * by a plain DMN engine: a display, not a decision, so it leaves no history or audit rows. The text
 * depends only on the deployed decision and the severity, so it is worked out once per process
 * version and severity: five FEEL evaluations per handling task were an eighth of a node's CPU.
 */
@Component
class RecommendedRangesListener implements TaskListener {

  private final DeployedDecisions decisions;
  private final Map<String, String> textByVersionAndSeverity = new ConcurrentHashMap<>();

  RecommendedRangesListener(DeployedDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public void notify(DelegateTask task) {
    String severity = SEVERITY.get(task);
    if (severity == null) {
      return;
    }
    String text = textByVersionAndSeverity.computeIfAbsent(task.getProcessDefinitionId() + "|" + severity,
        key -> ranges(task.getProcessDefinitionId(), severity));
    RECOMMENDED_RANGES.set(task.getExecution(), text);
  }

  private String ranges(String processDefinitionId, String severity) {
    DmnDecision ranges = decisions.of(processDefinitionId, CompensationApprovalProcess.DECISION_RANGE).decision();
    return Arrays.stream(CompensationType.values()).filter(t -> t != CompensationType.NONE)
        .map(type -> {
          var result = decisions.engine().evaluateDecision(ranges,
              Map.of(COMPENSATION_TYPE.name(), type.name(), SEVERITY.name(), severity)).getSingleResult();
          return result == null ? null : type.name() + ": " + result.getEntry(ApprovalChain.RECOMMENDED_MIN) + " to "
              + result.getEntry(ApprovalChain.RECOMMENDED_MAX);
        })
        .filter(line -> line != null)
        .collect(Collectors.joining("\n")) + "\nAbove the range needs one approval level more.";
  }
}
