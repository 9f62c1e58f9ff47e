package com.redress.complaint;

import com.redress.shared.ProcessVariable;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Everything code knows about processes/ComplaintHandling.bpmn: its key, the element ids code
 * and tests refer to, and its typed variables. Analysts: these ids must not be renamed.
 */
public final class ComplaintHandlingProcess {

  public static final String KEY = "ComplaintHandling";

  public static final String START_EVENT = "Start_ComplaintReceived";
  public static final String TASK_REGISTER = "Task_RegisterComplaint";
  public static final String GATEWAY_DUPLICATE = "Gateway_Duplicate";
  public static final String TASK_NOTIFY_DUPLICATE = "Task_NotifyDuplicate";
  public static final String END_DUPLICATE = "End_Duplicate";
  public static final String TASK_CLASSIFY = "Task_ClassifyComplaint";
  public static final String GATEWAY_CLASSIFIED = "Gateway_Classified";
  public static final String TASK_REQUEST_TRIAGE = "Task_RequestTriage";
  public static final String TASK_TRIAGE = "Task_TriageComplaint";
  public static final String TASK_APPLY_CLASSIFICATION = "Task_ApplyClassification";
  public static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeComplaint";
  public static final String TASK_HANDLE = "Task_HandleComplaint";
  public static final String TASK_RECORD_OUTCOME = "Task_RecordOutcome";
  /** Waiting for the customer: the handler's question, the answer or a reminder, or no reply at all. */
  public static final String GATEWAY_ASKED_CUSTOMER = "Gateway_AskedCustomer";
  public static final String TASK_ASK_CUSTOMER = "Task_AskCustomer";
  public static final String GATEWAY_AWAIT_ANSWER = "Gateway_AwaitAnswer";
  public static final String EVENT_CUSTOMER_ANSWERED = "Event_CustomerAnswered";
  public static final String TIMER_ANSWER_REMINDER = "Timer_AnswerReminder";
  public static final String TASK_REMIND_CUSTOMER = "Task_RemindCustomer";
  public static final String GATEWAY_AWAIT_LATE_ANSWER = "Gateway_AwaitLateAnswer";
  public static final String EVENT_CUSTOMER_ANSWERED_LATE = "Event_CustomerAnsweredLate";
  public static final String TIMER_NO_REPLY = "Timer_NoReply";
  public static final String TASK_CLOSE_NO_REPLY = "Task_CloseNoReply";
  public static final String GATEWAY_MERGE_ANSWERED = "Gateway_MergeAnswered";
  public static final String TASK_RESUME_HANDLING = "Task_ResumeHandling";
  /** The message's id and name alike; the answer comes in {@link #CUSTOMER_ANSWER}. */
  public static final String MESSAGE_CUSTOMER_ANSWERED = "Msg_CustomerAnswered";
  public static final String GATEWAY_COMPENSATION_PROPOSED = "Gateway_CompensationProposed";
  /** Calls CompensationApproval; compensationOutcome (ISSUED or REJECTED) comes back. */
  public static final String CALL_APPROVE_COMPENSATION = "CallActivity_ApproveCompensation";
  public static final String TASK_NOTIFY_RESOLUTION = "Task_NotifyResolution";
  public static final String GATEWAY_AWAIT_SURVEY = "Gateway_AwaitSurvey";
  public static final String EVENT_SURVEY_ANSWERED = "Event_SurveyAnswered";
  public static final String TIMER_SURVEY_TIMEOUT = "Timer_SurveyTimeout";
  public static final String TASK_CLOSE_SURVEY = "Task_CloseSurvey";
  public static final String TASK_REOPEN = "Task_ReopenComplaint";
  public static final String TASK_MARK_UNRESOLVED = "Task_MarkUnresolved";
  public static final String TASK_REVIEW_QUALITY = "Task_ReviewQuality";
  public static final String TASK_RECORD_QUALITY_REVIEW = "Task_RecordQualityReview";
  public static final String TASK_CLOSE = "Task_CloseComplaint";
  public static final String END_CLOSED = "End_ComplaintClosed";
  /** The message's id and name alike. */
  public static final String MESSAGE_SURVEY_ANSWERED = "Msg_SurveyAnswered";
  public static final String TIMER_SLA_WARNING = "Timer_SlaWarning";
  public static final String TASK_WARN_SUPERVISORS = "Task_WarnSupervisors";
  public static final String TIMER_SLA_BREACHED = "Timer_SlaBreached";
  public static final String TASK_ESCALATE = "Task_EscalateComplaint";
  public static final String END_ESCALATED = "End_Escalated";
  /** A customer's reply threaded in by the mail intake joins the conversation (non-interrupting). */
  public static final String SUBPROCESS_CUSTOMER_REPLIED = "SubProcess_CustomerReplied";
  public static final String MESSAGE_CUSTOMER_REPLIED = "Msg_CustomerReplied";
  public static final String TASK_ADD_TO_CONVERSATION = "Task_AddToConversation";
  public static final String TASK_TELL_HANDLER = "Task_TellHandler";

  public static final String DECISION_CLASSIFICATION = "ComplaintClassification";
  public static final String FORM_START = "StartComplaint";
  public static final String FORM_TRIAGE = "TriageComplaint";
  public static final String FORM_HANDLE = "HandleComplaint";
  public static final String FORM_REVIEW_QUALITY = "ReviewQuality";

  /**
   * The reference as forms, Tasklist columns and the intake's start show it. Steps do not read it:
   * they act on {@link #reference}, which a caller cannot write.
   */
  public static final ProcessVariable<String> COMPLAINT_REFERENCE = ProcessVariable.of("complaintReference", String.class);
  public static final ProcessVariable<Boolean> DUPLICATE = ProcessVariable.of("duplicate", Boolean.class);

  /**
   * The complaint a step or listener acts on: the instance's business key, set by Redress at
   * registration. Engine REST has no call that changes it, so a completion or variable write cannot
   * steer a step to another complaint, whatever guard it got past.
   */
  public static String reference(VariableScope scope) {
    DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution() : (DelegateExecution) scope;
    String key = execution.getProcessBusinessKey();
    if (key == null) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " has no complaint reference");
    }
    return key;
  }
  public static final ProcessVariable<String> DUPLICATE_OF = ProcessVariable.of("duplicateOf", String.class);

  // Shown in forms and Tasklist columns, and read by the classification rules.
  public static final ProcessVariable<String> CUSTOMER_NAME = ProcessVariable.of("customerName", String.class);
  public static final ProcessVariable<String> CUSTOMER_TIER = ProcessVariable.of("customerTier", String.class);
  public static final ProcessVariable<String> CHANNEL = ProcessVariable.of("channel", String.class);
  public static final ProcessVariable<String> CATEGORY = ProcessVariable.of("category", String.class);
  public static final ProcessVariable<String> SUBJECT = ProcessVariable.of("subject", String.class);
  public static final ProcessVariable<String> DESCRIPTION = ProcessVariable.of("description", String.class);
  /** Order amount rounded down to whole currency units: exact for the rules' whole-number thresholds. */
  public static final ProcessVariable<Long> ORDER_AMOUNT_UNITS = ProcessVariable.of("orderAmountUnits", Long.class);
  public static final ProcessVariable<Integer> COMPLAINTS_LAST_90_DAYS =
      ProcessVariable.of("complaintsLast90Days", Integer.class);

  /** The DMN's single result (JSON map), null when no rule matched. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<Map<String, Object>> CLASSIFICATION =
      ProcessVariable.of("classification", (Class<Map<String, Object>>) (Class) Map.class);

  // Classification outcome, from the rules or the triage form (same names in both).
  public static final ProcessVariable<String> SEVERITY = ProcessVariable.of("severity", String.class);
  public static final ProcessVariable<String> HANDLER_GROUP = ProcessVariable.of("handlerGroup", String.class);
  public static final ProcessVariable<Integer> FIRST_RESPONSE_SLA_HOURS =
      ProcessVariable.of("firstResponseSlaHours", Integer.class);
  public static final ProcessVariable<Integer> RESOLUTION_SLA_HOURS =
      ProcessVariable.of("resolutionSlaHours", Integer.class);
  public static final ProcessVariable<String> TRIAGED_BY = ProcessVariable.of("triagedBy", String.class);
  /** ISO-8601 with offset: when 75 % of the resolution SLA (in business hours) has passed. */
  public static final ProcessVariable<String> SLA_WARNING_AT = ProcessVariable.of("slaWarningAt", String.class);
  /** ISO-8601 with offset: the handling task's due date and the "Resolve by" in its form. */
  public static final ProcessVariable<String> RESOLUTION_DUE = ProcessVariable.of("resolutionDue", String.class);

  // Handling outcome from the HandleComplaint form.
  public static final ProcessVariable<String> ROOT_CAUSE = ProcessVariable.of("rootCause", String.class);
  public static final ProcessVariable<String> RESOLUTION = ProcessVariable.of("resolution", String.class);
  public static final ProcessVariable<Boolean> SERVICE_FAILURE_ACKNOWLEDGED =
      ProcessVariable.of("serviceFailureAcknowledged", Boolean.class);
  public static final ProcessVariable<String> HANDLED_BY = ProcessVariable.of("handledBy", String.class);
  // Proposed compensation from the HandleComplaint form; the amount stays a decimal string.
  public static final ProcessVariable<String> COMPENSATION_TYPE = ProcessVariable.of("compensationType", String.class);
  public static final ProcessVariable<String> COMPENSATION_AMOUNT = ProcessVariable.of("compensationAmount", String.class);
  public static final ProcessVariable<String> COMPENSATION_CURRENCY =
      ProcessVariable.of("compensationCurrency", String.class);
  public static final ProcessVariable<String> COMPENSATION_REASON = ProcessVariable.of("compensationReason", String.class);
  /** Shown in the HandleComplaint form: CompensationRange's recommendation per type for this severity. */
  public static final ProcessVariable<String> RECOMMENDED_RANGES = ProcessVariable.of("recommendedRanges", String.class);

  // After the resolution: the survey and reopening (limits from redress.survey.*).
  /** ISO-8601 with offset: when the survey closes unanswered. */
  public static final ProcessVariable<String> SURVEY_DUE_AT = ProcessVariable.of("surveyDueAt", String.class);
  /** The customer's answer, 1 to 5; set by the message Msg_SurveyAnswered. */
  public static final ProcessVariable<Integer> SURVEY_SCORE = ProcessVariable.of("surveyScore", Integer.class);
  public static final ProcessVariable<Integer> REOPEN_COUNT = ProcessVariable.of("reopenCount", Integer.class);
  public static final ProcessVariable<Integer> MAX_REOPENINGS = ProcessVariable.of("maxReopenings", Integer.class);
  // Asking the customer from the HandleComplaint form (HandlingAction), and the answer.
  public static final ProcessVariable<String> HANDLING_ACTION = ProcessVariable.of("handlingAction", String.class);
  public static final ProcessVariable<String> CUSTOMER_QUESTION = ProcessVariable.of("customerQuestion", String.class);
  /** Set by Msg_CustomerAnswered: the customer's answer (status page or e-mail). */
  public static final ProcessVariable<String> CUSTOMER_ANSWER = ProcessVariable.of("customerAnswer", String.class);
  /** Shown in the handling form after an answer: the question and what the customer said. */
  public static final ProcessVariable<String> QUESTION_AND_ANSWER = ProcessVariable.of("questionAndAnswer", String.class);
  /** ISO-8601 with offset, in business time from the question (redress.waiting.*). */
  public static final ProcessVariable<String> REMINDER_AT = ProcessVariable.of("reminderAt", String.class);
  public static final ProcessVariable<String> NO_REPLY_AT = ProcessVariable.of("noReplyAt", String.class);
  /** Who asked: the handling task goes back to them when the answer comes, if they are still in its team. */
  public static final ProcessVariable<String> RETURN_TO = ProcessVariable.of("returnTo", String.class);
  /** What a text variable may hold here: the engine keeps at most 4000 characters, less a margin for labels. */
  public static final int TEXT_VARIABLE_ROOM = 3_800;
  /** Shown in the handling form: the customer's replies by e-mail so far, oldest first. */
  public static final ProcessVariable<String> CONVERSATION = ProcessVariable.of("conversation", String.class);
  /** Shown in the handling form of a reopened complaint: what was done before and what the customer said. */
  public static final ProcessVariable<String> PREVIOUS_OUTCOME = ProcessVariable.of("previousOutcome", String.class);

  // The ReviewQuality form.
  public static final ProcessVariable<Integer> QUALITY_SCORE = ProcessVariable.of("qualityScore", Integer.class);
  public static final ProcessVariable<Boolean> INNOVATIVE = ProcessVariable.of("innovative", Boolean.class);
  public static final ProcessVariable<String> INNOVATION_REASON = ProcessVariable.of("innovationReason", String.class);
  public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.of("reviewComment", String.class);

  /** The fields code reads from each form: the model check refuses a form that lacks one. */
  public static final Map<String, List<ProcessVariable<?>>> FORM_FIELDS = Map.of(
      FORM_TRIAGE, List.of(SEVERITY, HANDLER_GROUP, FIRST_RESPONSE_SLA_HOURS, RESOLUTION_SLA_HOURS),
      FORM_HANDLE, List.of(HANDLING_ACTION, CUSTOMER_QUESTION, ROOT_CAUSE, RESOLUTION, SERVICE_FAILURE_ACKNOWLEDGED,
          COMPENSATION_TYPE, COMPENSATION_AMOUNT, COMPENSATION_CURRENCY, COMPENSATION_REASON),
      FORM_REVIEW_QUALITY, List.of(QUALITY_SCORE, INNOVATIVE, INNOVATION_REASON, REVIEW_COMMENT));

  /**
   * What code writes, by the delegate or listener bean or the message that writes it: with the
   * forms, what a migration takes as written on the way ahead (docs/analysts.md, "Variables a new
   * version needs"). A step that starts writing another variable is added here.
   */
  public static final Map<String, List<ProcessVariable<?>>> STEP_WRITES = Map.ofEntries(
      Map.entry("registerComplaintDelegate", List.of(COMPLAINT_REFERENCE, CUSTOMER_NAME, CUSTOMER_TIER, CHANNEL,
          CATEGORY, SUBJECT, DESCRIPTION, ORDER_AMOUNT_UNITS, COMPLAINTS_LAST_90_DAYS, DUPLICATE, DUPLICATE_OF)),
      Map.entry("applyClassificationDelegate", List.of(SEVERITY, HANDLER_GROUP, FIRST_RESPONSE_SLA_HOURS,
          RESOLUTION_SLA_HOURS, SLA_WARNING_AT, RESOLUTION_DUE)),
      Map.entry("validateTriageListener", List.of(TRIAGED_BY)),
      Map.entry("recommendedRangesListener", List.of(RECOMMENDED_RANGES)),
      Map.entry("returnToHandlerListener", List.of(RETURN_TO)),
      Map.entry("validateHandlingOutcomeListener", List.of(HANDLING_ACTION, COMPENSATION_TYPE, HANDLED_BY)),
      Map.entry("askCustomerDelegate", List.of(CUSTOMER_ANSWER, REMINDER_AT, NO_REPLY_AT, RETURN_TO)),
      Map.entry("resumeHandlingDelegate", List.of(HANDLING_ACTION, CUSTOMER_QUESTION, QUESTION_AND_ANSWER,
          HANDLER_GROUP, SLA_WARNING_AT, RESOLUTION_DUE)),
      Map.entry("notifyResolutionDelegate", List.of(SURVEY_DUE_AT, REOPEN_COUNT, MAX_REOPENINGS)),
      Map.entry("reopenComplaintDelegate", List.of(PREVIOUS_OUTCOME, RESOLUTION, COMPENSATION_TYPE, COMPENSATION_AMOUNT,
          COMPENSATION_REASON, HANDLER_GROUP, SLA_WARNING_AT, RESOLUTION_DUE)),
      Map.entry("addToConversationDelegate", List.of(CONVERSATION)),
      Map.entry(MESSAGE_SURVEY_ANSWERED, List.of(SURVEY_SCORE)),
      Map.entry(MESSAGE_CUSTOMER_ANSWERED, List.of(CUSTOMER_ANSWER)));

  private ComplaintHandlingProcess() {
  }
}
