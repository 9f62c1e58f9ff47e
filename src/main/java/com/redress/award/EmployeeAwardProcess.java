package com.redress.award;

import com.redress.shared.ProcessVariable;
import org.camunda.spin.json.SpinJsonNode;
import java.util.List;
import java.util.Map;

/** Everything code knows about processes/EmployeeAward.bpmn. Analysts: these ids must not be renamed. */
public final class EmployeeAwardProcess {

  public static final String KEY = "EmployeeAward";

  public static final String START_MONTHLY = "Start_Monthly";
  public static final String START_REQUESTED = "Start_Requested";
  /** Starts a run on request (POST /api/award-runs); id and name alike. */
  public static final String MESSAGE_RUN_REQUESTED = "Msg_AwardRunRequested";
  public static final String TASK_OPEN_RUN = "Task_OpenRun";
  public static final String END_ALREADY_RUN = "End_AlreadyRun";
  public static final String TASK_SCORE = "Task_ScoreHandlers";
  public static final String GATEWAY_ANY_ELIGIBLE = "Gateway_AnyEligible";
  public static final String TASK_PUBLISH_NO_AWARDS = "Task_PublishNoAwards";
  public static final String END_NO_AWARDS = "End_NoAwards";
  public static final String TASK_NOMINATE = "Task_Nominate";
  public static final String TASK_REVIEW_NOMINATIONS = "Task_ReviewNominations";
  public static final String TASK_RECORD_NOMINATION_CHANGE = "Task_RecordNominationChange";
  public static final String GATEWAY_REVIEW_DONE = "Gateway_ReviewDone";
  public static final String TASK_PROPOSE_AWARDS = "Task_ProposeAwards";
  public static final String TASK_APPROVE_AWARDS = "Task_ApproveAwards";
  public static final String TASK_RECORD_AWARD_DECISION = "Task_RecordAwardDecision";
  public static final String GATEWAY_AWARD_DECISION = "Gateway_AwardDecision";
  public static final String TASK_APPROVE_EXCESS = "Task_ApproveAwardExcess";
  public static final String TASK_RECORD_EXCESS_DECISION = "Task_RecordExcessDecision";
  public static final String FORM_APPROVE_AWARDS = "ApproveAwards";
  public static final String TASK_PUBLISH = "Task_PublishAwards";
  public static final String SUBPROCESS_OBJECTION_WINDOW = "SubProcess_ObjectionWindow";
  public static final String TIMER_WINDOW_CLOSED = "Timer_ObjectionWindowClosed";
  public static final String TASK_DECIDE_OBJECTION = "Task_DecideObjection";
  public static final String TASK_RECORD_OBJECTION_DECISION = "Task_RecordObjectionDecision";
  public static final String TASK_FINALIZE = "Task_FinalizeAwards";
  public static final String END_FINAL = "End_AwardsFinal";
  public static final String FORM_DECIDE_OBJECTION = "DecideObjection";
  /** A member of staff objects to published results; id and name alike. */
  public static final String MESSAGE_OBJECTION_FILED = "Msg_ObjectionFiled";
  public static final String FORM_APPROVE_EXCESS = "ApproveAwardExcess";
  public static final String DECISION_AWARD_TIER = "AwardTier";
  public static final String FORM_REVIEW_NOMINATIONS = "ReviewNominations";

  /** 2026-10 */
  public static final ProcessVariable<String> PERIOD = ProcessVariable.of("period", String.class);
  public static final ProcessVariable<Boolean> RUN_OPENED = ProcessVariable.of("runOpened", Boolean.class);
  public static final ProcessVariable<Integer> ELIGIBLE_HANDLERS = ProcessVariable.of("eligibleHandlers", Integer.class);

  /**
   * The review form's table: the nominations with their breakdowns, and its options: the scored
   * handlers (both JSON, set from the database as each round's task is created).
   */
  public static final ProcessVariable<SpinJsonNode> RANKING_ROWS = ProcessVariable.of("rankingRows", SpinJsonNode.class);
  public static final ProcessVariable<SpinJsonNode> HANDLER_OPTIONS =
      ProcessVariable.of("handlerOptions", SpinJsonNode.class);
  /** CONFIRM, REMOVE or ADD_INNOVATION; the review repeats until CONFIRM. */
  public static final ProcessVariable<String> NOMINATION_ACTION = ProcessVariable.of("nominationAction", String.class);
  public static final ProcessVariable<String> NOMINEE = ProcessVariable.of("nominee", String.class);
  /** Which of the nominee's nominations to remove: SCORE (default) or INNOVATION. */
  public static final ProcessVariable<String> NOMINATION_KIND = ProcessVariable.of("nominationKind", String.class);
  public static final ProcessVariable<String> NOMINATION_REASON = ProcessVariable.of("nominationReason", String.class);
  /** Set by the review's check: true once a manager confirmed the list. */
  public static final ProcessVariable<Boolean> REVIEW_CONFIRMED = ProcessVariable.of("reviewConfirmed", Boolean.class);

  /** The proposed awards' cash is above the period's budget: the committee must cut or ask finance. */
  public static final ProcessVariable<Boolean> OVER_BUDGET = ProcessVariable.of("awardsOverBudget", Boolean.class);

  /**
   * The committee's and finance's forms: the awards as a table, the handlers who keep one as the
   * options to cut, and the total against the budget (from the database as each round's task is created).
   */
  public static final ProcessVariable<SpinJsonNode> AWARD_ROWS = ProcessVariable.of("awardRows", SpinJsonNode.class);
  public static final ProcessVariable<SpinJsonNode> AWARDEE_OPTIONS =
      ProcessVariable.of("awardeeOptions", SpinJsonNode.class);
  public static final ProcessVariable<String> AWARDS_TOTAL = ProcessVariable.of("awardsTotal", String.class);
  /** APPROVE, CUT or ASK_FINANCE. */
  public static final ProcessVariable<String> AWARD_ACTION = ProcessVariable.of("awardAction", String.class);
  public static final ProcessVariable<String> CUT_HANDLER = ProcessVariable.of("cutHandler", String.class);
  public static final ProcessVariable<String> CUT_AWARD = ProcessVariable.of("cutAward", String.class);
  public static final ProcessVariable<String> AWARD_REASON = ProcessVariable.of("awardReason", String.class);
  /** Set by the committee's check for the gateway: APPROVED, CHANGED or FINANCE. */
  public static final ProcessVariable<String> AWARD_ROUTE = ProcessVariable.of("awardRoute", String.class);
  /** Finance's form: APPROVE or REFUSE the excess, with a reason. */
  public static final ProcessVariable<String> EXCESS_DECISION = ProcessVariable.of("excessDecision", String.class);
  public static final ProcessVariable<String> EXCESS_REASON = ProcessVariable.of("excessReason", String.class);

  /** ISO-8601: when the objection window closes (redress.awards.objection-business-days after publication). */
  public static final ProcessVariable<String> OBJECTION_DUE = ProcessVariable.of("objectionDue", String.class);
  /** Carried by each objection's message; Task_DecideObjection keeps its own copy (input mapping). */
  public static final ProcessVariable<Long> OBJECTION_ID = ProcessVariable.of("objectionId", Long.class);
  /** The objection the decision task just completed was about (its output), for the step that records it. */
  public static final ProcessVariable<Long> DECIDED_OBJECTION_ID = ProcessVariable.of("decidedObjectionId", Long.class);
  public static final ProcessVariable<String> OBJECTION_TEXT = ProcessVariable.of("objectionText", String.class);
  /** The committee's form on an objection: UPHOLD (with the award to cut) or DISMISS, and the reason. */
  public static final ProcessVariable<String> OBJECTION_DECISION = ProcessVariable.of("objectionDecision", String.class);

  // What AwardService hands the AwardTier decision for each nominee.
  public static final ProcessVariable<String> TIER_KIND = ProcessVariable.of("kind", String.class);
  /** The nominee's place in the ranking; null for an innovation nomination. */
  public static final ProcessVariable<Integer> TIER_RANK = ProcessVariable.of("rank", Integer.class);
  /** The nominee's score, decimal text. */
  public static final ProcessVariable<String> TIER_SCORE = ProcessVariable.of("score", String.class);
  /** Service stars the nominee won in the eleven months before. */
  public static final ProcessVariable<Integer> TIER_SERVICE_STARS = ProcessVariable.of("serviceStarsBefore", Integer.class);

  /** The fields code reads from each form: the model check refuses a form that lacks one. */
  public static final Map<String, List<ProcessVariable<?>>> FORM_FIELDS = Map.of(
      FORM_REVIEW_NOMINATIONS, List.of(NOMINATION_ACTION, NOMINEE, NOMINATION_KIND, NOMINATION_REASON),
      FORM_APPROVE_AWARDS, List.of(AWARD_ACTION, CUT_HANDLER, CUT_AWARD, AWARD_REASON),
      FORM_APPROVE_EXCESS, List.of(EXCESS_DECISION, EXCESS_REASON),
      FORM_DECIDE_OBJECTION, List.of(OBJECTION_DECISION, CUT_HANDLER, CUT_AWARD, AWARD_REASON));

  /** What code writes, by delegate or listener bean or by message (see {@code ComplaintHandlingProcess.STEP_WRITES}). */
  public static final Map<String, List<ProcessVariable<?>>> STEP_WRITES = Map.ofEntries(
      Map.entry("openRunDelegate", List.of(RUN_OPENED, PERIOD)),
      Map.entry("scoreHandlersDelegate", List.of(ELIGIBLE_HANDLERS)),
      Map.entry("showRankingListener", List.of(RANKING_ROWS, HANDLER_OPTIONS, EarlierAwardModels.RANKING_TEXT)),
      Map.entry("recordNominationChangeDelegate", List.of(REVIEW_CONFIRMED, NOMINATION_ACTION, NOMINEE, NOMINATION_KIND,
          NOMINATION_REASON)),
      Map.entry("proposeAwardsDelegate", List.of(OVER_BUDGET)),
      Map.entry("awardDecisionTaskListener", List.of(AWARD_ROWS, AWARDEE_OPTIONS, AWARDS_TOTAL,
          EarlierAwardModels.AWARDS_TEXT)),
      Map.entry("recordExcessDecisionDelegate", List.of(EXCESS_DECISION, EXCESS_REASON)),
      Map.entry("recordAwardDecisionDelegate", List.of(AWARD_ROUTE, AWARD_ACTION, CUT_HANDLER, CUT_AWARD,
          AWARD_REASON)),
      Map.entry("publishAwardsDelegate", List.of(OBJECTION_DUE)),
      Map.entry(MESSAGE_OBJECTION_FILED, List.of(OBJECTION_ID, OBJECTION_TEXT)));

  private EmployeeAwardProcess() {
  }
}
