package com.redress.award;

import static com.redress.award.EmployeeAwardProcess.AWARD_REASON;
import static com.redress.award.EmployeeAwardProcess.CUT_AWARD;
import static com.redress.award.EmployeeAwardProcess.CUT_HANDLER;
import static com.redress.award.EmployeeAwardProcess.DECIDED_OBJECTION_ID;
import static com.redress.award.EmployeeAwardProcess.OBJECTION_DECISION;
import static com.redress.award.EmployeeAwardProcess.OBJECTION_ID;
import static com.redress.award.EmployeeAwardProcess.TASK_DECIDE_OBJECTION;

import com.redress.shared.CompletionCheck;
import com.redress.shared.EarlierModels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordObjectionDecision, right after Task_DecideObjection in its transaction: records the
 * committee's accepted decision; an upheld objection cuts the award and republishes the results.
 */
@Component
class RecordObjectionDecisionDelegate implements JavaDelegate {

  private final AwardPublication publication;

  RecordObjectionDecisionDelegate(AwardPublication publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean uphold = AwardPublication.UPHOLD.equals(OBJECTION_DECISION.require(execution));
    // the step reads its task's output; the listener of an earlier model (no step) the task's own copy
    long objection = EarlierModels.recordInListener(execution, EmployeeAwardProcess.TASK_RECORD_OBJECTION_DECISION)
        ? OBJECTION_ID.require(execution) : DECIDED_OBJECTION_ID.require(execution);
    publication.decide(execution.getProcessBusinessKey(), objection, uphold,
        AWARD_REASON.require(execution).strip(), CompletionCheck.actingUser(execution, TASK_DECIDE_OBJECTION),
        uphold ? CUT_HANDLER.require(execution).strip() : null, uphold ? CUT_AWARD.require(execution).strip() : null);
  }
}
