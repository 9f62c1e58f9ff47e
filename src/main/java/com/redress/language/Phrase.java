package com.redress.language;

/**
 * What Redress tells a customer (or any API caller) when it refuses a request, and staff when it
 * refuses a task's completion ({@code CompletionCheck}, in the installation's language): each phrase in
 * English here, in the other languages under {@code phrase.<NAME>} in {@code messages_<lang>.properties}.
 * Placeholders are {@link java.text.MessageFormat}'s ({@code {0}}, quotes doubled); a phrase without
 * arguments is used as written.
 */
public enum Phrase {
  // what is wrong with one field (problem+json's errors[].message, the customer pages' field notes)
  REQUIRED("is required"),
  AT_MOST_CHARACTERS("must be at most {0} characters"),
  LENGTH_BETWEEN("must be {0} to {1} characters"),
  ONE_OF("must be one of {0}"),
  EMAIL("must be an e-mail address"),
  NOT_IN_FUTURE("must not be in the future"),
  DATE_TIME_WITH_OFFSET("must be an ISO-8601 date-time with offset, e.g. 2026-11-20T10:15:00+08:00"),
  NOT_NEGATIVE("must not be negative"),
  DECIMAL_AMOUNT("must be a decimal number with at most 2 decimal places, e.g. \"800.00\""),
  DECIMAL_AS_TEXT("must be a decimal as text, e.g. \"200.00\""),
  CURRENCY_CODE("must be an ISO 4217 code"),
  UNKNOWN_CURRENCY("is not a known ISO 4217 currency code"),
  SCORE("must be a whole number from {0} to {1}"),
  TOKEN_REQUIRED("is required: use the link from our e-mail"),
  WRONG_JSON_TYPE("has the wrong JSON type"),
  NOT_JSON("is not valid JSON"),
  MISSING_JSON("is missing or not valid JSON"),
  NOT_A_VALID_VALUE("is not a valid value"),

  // problem+json's title, one per problem type
  TITLE_INVALID_REQUEST("Invalid request"),
  TITLE_MALFORMED_JSON("Malformed JSON"),
  TITLE_PAYLOAD_TOO_LARGE("Payload too large"),
  TITLE_NOT_FOUND("Not found"),
  TITLE_CONFLICT("Conflict"),
  TITLE_UNPROCESSABLE("Unprocessable Entity"),
  TITLE_TOO_MANY_REQUESTS("Too many requests"),
  TITLE_FORBIDDEN("Forbidden"),
  TITLE_INTERNAL_ERROR("Internal error"),
  TITLE_SERVICE_UNAVAILABLE("Service unavailable"),

  // problem+json's detail
  INVALID_FIELDS("The request has {0} invalid field(s)."),
  FIELD_WRONG_JSON_TYPE("Field ''{0}'' has the wrong JSON type."),
  MALFORMED_JSON_AT("The body is not valid JSON (line {0}, column {1})."),
  MALFORMED_JSON("The request body is missing or not valid JSON."),
  PAYLOAD_TOO_LARGE("The request body is larger than {0} bytes."),
  PARAMETER_NAME("The request has a parameter whose name is not allowed (control characters, or no such field)."),
  UNREADABLE_MULTIPART("The multipart body cannot be read (is it complete, with its boundary?)."),
  PARAMETER_TYPE("Parameter ''{0}'' has the wrong type."),
  INTERNAL_ERROR("Something went wrong on our side; nothing was stored. Please try again later."),
  DATABASE_UNAVAILABLE("Redress cannot reach its database just now; nothing was stored. Please try again in a minute."),
  COMPLAINT_NOT_FOUND("No complaint with this reference and token."),
  NO_CUSTOMER_EMAIL("cannot be sent: the customer gave no e-mail address; call them instead"),
  ANSWER_NOT_AWAITED("This complaint is not waiting for an answer from you"),
  ATTACHMENT_NOT_FOUND("This complaint has no such file, or its content was not kept."),
  IDEMPOTENCY_KEY_REUSED("This Idempotency-Key was already used with a different request body."),
  SURVEY_NOT_YET("Complaint {0} is not resolved yet; we will ask for your opinion once it is."),
  SURVEY_ANSWERED("This survey was already answered on {0}."),
  SURVEY_CLOSED("This survey closed on {0}."),
  SURVEY_NOT_AWAITED("No survey is awaited for complaint {0}."),
  TOO_MANY_FOR_ADDRESS("Too many complaints for this e-mail address; please try again later."),
  TOO_MANY_COMPLAINTS("Too many complaints from your network; please try again later."),
  TOO_MANY_REQUESTS("Too many requests from your network; please try again later."),

  // ---- staff's task completions (CompletionCheck): said in the installation's language ----
  // what is wrong with one field of a completed task
  MUST_BE_TEXT("must be text"),
  TRUE_OR_FALSE("must be true or false"),
  WHOLE_NUMBER("must be a whole number from {0} to {1}"),
  TEXT_AT_MOST_CHARACTERS("must be text of at most {0} characters"),
  USER_UNKNOWN("is unknown: claim the task or complete it as a signed-in user"),
  FIRST_RESPONSE_AFTER_RESOLUTION("must not exceed resolutionSlaHours"),
  ROOT_CAUSE_NOT_FOR_CATEGORY("does not apply to a {0} complaint; choose one of {1}"),
  BUDGET_CURRENCY("must be {0}, the compensation budget''s currency"),
  PROPOSAL_NOT_POSITIVE("must be more than 0; propose no compensation instead"),
  PROPOSAL_ABOVE_BANDS("must be at most {0}: no approval band covers more"),
  REQUIRED_WHEN_LOWERING("is required when lowering"),
  LOWERED_NOT_POSITIVE("must be more than 0; reject the proposal instead"),
  LOWERED_NOT_BELOW("must be below the current {0} (an approver can lower, never raise)"),
  NOMINEE_HANDLED_NONE("{0} handled no complaint closed in this period"),
  NOMINEE_ALREADY_INNOVATION("{0} is nominated for innovation already"),
  NOMINEE_NO_SUCH_NOMINATION("{0} has no {1} nomination to remove"),
  NO_PROPOSED_AWARD("{0} has no proposed {1} award to cut"),
  NO_APPROVED_AWARD("{0} has no approved {1} award"),
  AWARDS_OVER_BUDGET("the awards cost more than the period's budget: cut awards or ask finance to approve the excess"),
  // the four-eyes principle (English also in the audit trail's four-eyes-refused events)
  FOUR_EYES_QUALITY_REVIEW("{0} handled complaint {1} and cannot review its quality (four-eyes principle): "
      + "another quality reviewer must take it"),
  FOUR_EYES_OWN_PROPOSAL("{0} proposed compensation {1} and cannot approve it (four-eyes principle)"),
  FOUR_EYES_APPROVED_BEFORE("{0} already approved compensation {1} at an earlier level and cannot approve it again "
      + "(four-eyes principle)"),
  FOUR_EYES_CONFIRM_OWN_RUN("{0} is nominated in this run and cannot confirm its nominations (four-eyes principle): "
      + "another manager must"),
  FOUR_EYES_REMOVE_SELF("{0} cannot remove themselves (four-eyes principle): another manager must"),
  FOUR_EYES_NOMINATE_SELF("{0} cannot nominate themselves (four-eyes principle): another manager must"),
  FOUR_EYES_AWARD_NOMINEE("{0} is a nominee of {1} and cannot decide on its awards (four-eyes principle)"),
  // the refusal's title, one per task
  REFUSED_TRIAGE("The triage cannot be completed"),
  REFUSED_HANDLING_OUTCOME("The complaint cannot be marked as handled"),
  REFUSED_PROPOSAL("The proposed compensation is refused"),
  REFUSED_COMPENSATION_DECISION("Compensation decision refused"),
  REFUSED_QUALITY_REVIEW("Quality review refused"),
  REFUSED_NOMINATION_CHANGE("Nomination change refused"),
  REFUSED_AWARD_DECISION("Award decision refused"),
  REFUSED_EXCESS_DECISION("Decision on the excess refused"),
  REFUSED_OBJECTION_DECISION("Objection decision refused"),
  // the title of a refused start form (Tasklist's "Start process")
  COMPLAINT_NOT_RECORDED("The complaint cannot be recorded"),
  // staff's refusals of a period, a what-if replay and an objection (API and staff pages)
  DATE_RANGE("must be on or after from, at most {0} days later"),
  DATE_BETWEEN("must be between {0} and {1}"),
  DATE_LIKE("must be a date like 2026-10-01"),
  DMN_REQUIRED("is required: the changed DMN file"),
  DMN_TOO_LARGE("must be at most {0} bytes"),
  DMN_MISSING_DECISION("must contain decision {0}; it has {1}"),
  DMN_FEEL_ONLY("must be written in FEEL only; {0} uses expression language ''{1}''"),
  DMN_UNREADABLE("is not a DMN file the engine can read: {0}"),
  REPLAYS_BUSY("{0} replays are waiting or running; start this one when they are done"),
  OBJECTIONS_NOT_OPEN("Objections to {0} are not open"),
  OBJECTION_WINDOW_CLOSED("Objections to {0} are not open; the window closed on {1}"),
  // a privacy officer's erasure refused while the data is still needed
  ERASURE_CASE_OPEN("Complaint {0} is still open ({1}): its handling needs the customer''s data. Nothing was erased."),
  ERASURE_COMPENSATION_UNPAID("The compensation of complaint {0} is not paid yet ({1}): paying it needs the "
      + "customer''s data. Nothing was erased.");

  private final String english;

  Phrase(String english) {
    this.english = english;
  }

  /** The English pattern, placeholders unfilled. */
  public String english() {
    return english;
  }

  /** This phrase with its arguments, to be said in any language. */
  public Wording with(Object... arguments) {
    return Wording.of(this, arguments);
  }
}
