package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.APPROVAL_NEEDED;
import static com.redress.compensation.CompensationApprovalProcess.APPROVAL_STEP;
import static com.redress.compensation.CompensationApprovalProcess.APPROVERS;
import static com.redress.compensation.CompensationApprovalProcess.BAND_NAME;
import static com.redress.compensation.CompensationApprovalProcess.POLICY;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;
import static com.redress.compensation.CompensationApprovalProcess.RECOMMENDED_RANGE;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReserveBudget: applies the policy's band and approvers and reserves the amount. */
@Component
class ReserveBudgetDelegate implements JavaDelegate {

  private final CompensationService compensations;

  ReserveBudgetDelegate(CompensationService compensations) {
    this.compensations = compensations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = PROPOSAL_ID.require(execution);
    Map<String, Object> policy = POLICY.get(execution);
    if (policy == null) {
      // the shipped policy has a band for every amount: an edited one left a gap (an incident shows it)
      throw new IllegalStateException("CompensationPolicy found no approval band for " + id);
    }
    List<String> groups = ApprovalChain.of(APPROVERS.require(execution));
    BigDecimal min = new BigDecimal(policy.get(ApprovalChain.RECOMMENDED_MIN).toString());
    BigDecimal max = new BigDecimal(policy.get(ApprovalChain.RECOMMENDED_MAX).toString());
    String bandName = (String) policy.get(ApprovalChain.BAND_NAME);
    List<String> chain = compensations.applyPolicy(id, ((Number) policy.get(ApprovalChain.BAND)).intValue(),
        bandName, min, max, groups);
    APPROVAL_NEEDED.set(execution, !chain.isEmpty());
    APPROVAL_STEP.set(execution, 0);
    BAND_NAME.set(execution, bandName + " → " + (chain.isEmpty() ? "handler's own authority"
        : String.join(" then ", chain)));
    RECOMMENDED_RANGE.set(execution, min.toPlainString() + " to " + max.toPlainString());
  }
}
