package com.redress.compensation;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.shared.ProcessVariable;
import java.util.List;
import java.util.Map;

/**
 * Everything code knows about processes/CompensationApproval.bpmn and CompensationPolicy.dmn:
 * keys, element ids and typed variables. Analysts: these ids must not be renamed.
 */
public final class CompensationApprovalProcess {

  public static final String KEY = "CompensationApproval";

  public static final String TASK_REGISTER = "Task_RegisterProposal";
  public static final String TASK_EVALUATE_POLICY = "Task_EvaluatePolicy";
  public static final String TASK_FIND_APPROVERS = "Task_FindApprovers";
  public static final String TASK_RESERVE_BUDGET = "Task_ReserveBudget";
  public static final String GATEWAY_APPROVAL_NEEDED = "Gateway_ApprovalNeeded";
  public static final String TASK_NEXT_APPROVER = "Task_NextApprover";
  public static final String TASK_APPROVE = "Task_ApproveCompensation";
  public static final String TASK_RECORD_DECISION = "Task_RecordApprovalDecision";
  public static final String GATEWAY_DECISION = "Gateway_ApprovalDecision";
  public static final String TIMER_APPROVAL_OVERDUE = "Timer_ApprovalOverdue";
  public static final String TASK_ESCALATE_APPROVAL = "Task_EscalateApproval";
  public static final String TASK_ISSUE = "Task_IssueCompensation";
  public static final String END_ISSUED = "End_CompensationIssued";
  public static final String END_REJECTED = "End_CompensationRejected";

  public static final String DECISION_POLICY = "CompensationPolicy";
  public static final String DECISION_APPROVERS = "CompensationApprovers";
  public static final String DECISION_RANGE = "CompensationRange";
  public static final String FORM_APPROVE = "ApproveCompensation";

  /** &lt;complaint reference&gt;/&lt;round&gt;: the proposal's id, the key that makes issuing happen once. */
  public static final ProcessVariable<String> PROPOSAL_ID = ProcessVariable.of("proposalId", String.class);
  /** Inputs of the policy (besides compensationType, compensationAmount, severity, customerTier). */
  public static final ProcessVariable<String> GRANTED_LAST_90_DAYS = ProcessVariable.of("grantedLast90Days", String.class);
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<Map<String, Object>> POLICY =
      ProcessVariable.of("policy", (Class<Map<String, Object>>) (Class) Map.class);
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<List<Map<String, Object>>> APPROVERS =
      ProcessVariable.of("approvers", (Class<List<Map<String, Object>>>) (Class) List.class);
  /** CompensationApprovers' input: the policy's band, mapped by Task_FindApprovers. */
  public static final ProcessVariable<Integer> BAND = ProcessVariable.of(ApprovalChain.BAND, Integer.class);
  /** Shown in the approval form. */
  public static final ProcessVariable<String> BAND_NAME = ProcessVariable.of("bandName", String.class);
  public static final ProcessVariable<String> RECOMMENDED_RANGE = ProcessVariable.of("recommendedRange", String.class);
  public static final ProcessVariable<String> BUDGET_LEFT = ProcessVariable.of("budgetLeft", String.class);
  public static final ProcessVariable<String> PROPOSED_BY = ProcessVariable.of("proposedBy", String.class);
  public static final ProcessVariable<Boolean> APPROVAL_NEEDED = ProcessVariable.of("approvalNeeded", Boolean.class);
  /** The group whose approval task is next, and when it is due (ISO-8601, 2 business days). */
  public static final ProcessVariable<String> APPROVER_GROUP = ProcessVariable.of("approverGroup", String.class);
  public static final ProcessVariable<String> APPROVAL_DUE = ProcessVariable.of("approvalDue", String.class);
  /** How many approvals are decided: the next approval is step approvalStep + 1. */
  public static final ProcessVariable<Integer> APPROVAL_STEP = ProcessVariable.of("approvalStep", Integer.class);
  /** The amount as it stands (decimal text): the proposal, or what an approver lowered it to. */
  public static final ProcessVariable<String> CURRENT_AMOUNT = ProcessVariable.of("currentAmount", String.class);
  public static final ProcessVariable<Boolean> MORE_APPROVALS = ProcessVariable.of("moreApprovals", Boolean.class);
  /** The approval form: APPROVE, LOWER or REJECT, the lowered amount (decimal text) and the reason. */
  public static final ProcessVariable<String> DECISION = ProcessVariable.of("approvalDecision", String.class);
  public static final ProcessVariable<String> LOWERED_AMOUNT = ProcessVariable.of("loweredAmount", String.class);
  public static final ProcessVariable<String> DECISION_REASON = ProcessVariable.of("decisionReason", String.class);
  /** Handed back to ComplaintHandling: ISSUED or REJECTED. */
  public static final ProcessVariable<String> COMPENSATION_OUTCOME = ProcessVariable.of("compensationOutcome", String.class);

  /** The fields code reads from each form: the model check refuses a form that lacks one. */
  public static final Map<String, List<ProcessVariable<?>>> FORM_FIELDS = Map.of(
      FORM_APPROVE, List.of(DECISION, LOWERED_AMOUNT, DECISION_REASON));

  /** What code writes, by delegate or listener bean or by message (see {@code ComplaintHandlingProcess.STEP_WRITES}). */
  public static final Map<String, List<ProcessVariable<?>>> STEP_WRITES = Map.of(
      "registerProposalDelegate", List.of(PROPOSAL_ID, PROPOSED_BY, GRANTED_LAST_90_DAYS, CURRENT_AMOUNT,
          ComplaintHandlingProcess.COMPENSATION_TYPE, ComplaintHandlingProcess.COMPENSATION_AMOUNT,
          ComplaintHandlingProcess.COMPENSATION_CURRENCY, ComplaintHandlingProcess.SEVERITY),
      "reserveBudgetDelegate", List.of(APPROVAL_NEEDED, APPROVAL_STEP, BAND_NAME, RECOMMENDED_RANGE),
      "nextApproverDelegate", List.of(APPROVAL_STEP, APPROVER_GROUP, APPROVAL_DUE, BUDGET_LEFT, DECISION, LOWERED_AMOUNT,
          DECISION_REASON),
      "recordApprovalDecisionDelegate", List.of(APPROVAL_STEP, CURRENT_AMOUNT, MORE_APPROVALS, COMPENSATION_OUTCOME),
      "issueCompensationDelegate", List.of(COMPENSATION_OUTCOME));

  private CompensationApprovalProcess() {
  }
}
