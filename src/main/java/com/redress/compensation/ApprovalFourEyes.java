package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;

import com.redress.identity.FourEyesRule;
import com.redress.language.Phrase;
import com.redress.language.Wording;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Four-eyes of compensation approval: not the proposer, and nobody twice for the same proposal. */
@Component
class ApprovalFourEyes implements FourEyesRule {

  private final CompensationService compensations;

  ApprovalFourEyes(CompensationService compensations) {
    this.compensations = compensations;
  }

  @Override
  public Set<String> taskDefinitionKeys() {
    return Set.of(CompensationApprovalProcess.TASK_APPROVE);
  }

  @Override
  public Wording refusal(DelegateTask task, String user) {
    return refusal(PROPOSAL_ID.require(task), user);
  }

  /** Why {@code user} may not approve proposal {@code id}, or null when they may. */
  Wording refusal(String id, String user) {
    if (user == null) {
      return null;
    }
    Compensation c = compensations.get(id);
    if (user.equals(c.proposedBy())) {
      return Phrase.FOUR_EYES_OWN_PROPOSAL.with(user, id);
    }
    if (compensations.decisions(id).stream().anyMatch(d -> user.equals(d.decidedBy()))) {
      return Phrase.FOUR_EYES_APPROVED_BEFORE.with(user, id);
    }
    return null;
  }
}
