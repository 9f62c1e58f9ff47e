package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.DECISION_AWARD_TIER;
import static com.redress.award.EmployeeAwardProcess.OVER_BUDGET;

import com.redress.shared.DeployedDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ProposeAwards: the AwardTier decision (deployed with this process) for every confirmed nominee. */
@Component
class ProposeAwardsDelegate implements JavaDelegate {

  private final AwardService awards;
  private final DeployedDecisions decisions;

  ProposeAwardsDelegate(AwardService awards, DeployedDecisions decisions) {
    this.awards = awards;
    this.decisions = decisions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AwardService.Proposed proposed = awards.proposeAwards(execution.getProcessBusinessKey(),
        decisions.of(execution.getProcessDefinitionId(), DECISION_AWARD_TIER));
    OVER_BUDGET.set(execution, proposed.overBudget());
  }
}
