package com.redress.language;

/**
 * What Redress tells a customer (or any API caller) when it refuses a request: each phrase in
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
  IDEMPOTENCY_KEY_REUSED("This Idempotency-Key was already used with a different request body."),
  SURVEY_NOT_YET("Complaint {0} is not resolved yet; we will ask for your opinion once it is."),
  SURVEY_ANSWERED("This survey was already answered on {0}."),
  SURVEY_CLOSED("This survey closed on {0}."),
  SURVEY_NOT_AWAITED("No survey is awaited for complaint {0}."),
  TOO_MANY_FOR_ADDRESS("Too many complaints for this e-mail address; please try again later."),
  TOO_MANY_COMPLAINTS("Too many complaints from your network; please try again later."),
  TOO_MANY_REQUESTS("Too many requests from your network; please try again later.");

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
