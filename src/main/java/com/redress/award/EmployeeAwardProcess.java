package com.redress.award;

import com.redress.shared.ProcessVariable;

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
  public static final String END_SCORED = "End_ScoredForNominationReview";

  public static final ProcessVariable<String> RUN_ID = ProcessVariable.of("awardRunId", String.class);
  /** 2026-10 */
  public static final ProcessVariable<String> PERIOD = ProcessVariable.of("period", String.class);
  public static final ProcessVariable<Boolean> RUN_OPENED = ProcessVariable.of("runOpened", Boolean.class);
  public static final ProcessVariable<Integer> ELIGIBLE_HANDLERS = ProcessVariable.of("eligibleHandlers", Integer.class);

  private EmployeeAwardProcess() {
  }
}
