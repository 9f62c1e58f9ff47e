package com.redress.complaint;

import com.redress.language.InstallationLanguage;
import com.redress.language.Phrase;
import com.redress.shared.CompletionCheck;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.StaffRefusals;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The intake agents' start form (forms/StartComplaint.form): turns its fields into a complaint
 * with the same checks as the public API, and refuses the start with the reasons otherwise.
 */
@Component
class StartForm {

  private static final Logger LOG = LoggerFactory.getLogger(StartForm.class);

  static final String CUSTOMER_ID = "customerId";
  static final String CUSTOMER_NAME = "customerName";
  static final String CUSTOMER_EMAIL = "customerEmail";
  static final String CUSTOMER_PHONE = "customerPhone";
  static final String CUSTOMER_TIER = "customerTier";
  static final String CHANNEL = "channel";
  static final String CATEGORY = "category";
  static final String SUBJECT = "subject";
  static final String DESCRIPTION = "description";
  static final String ORDER_REFERENCE = "orderReference";
  static final String ORDER_AMOUNT = "orderAmount";
  static final String ORDER_CURRENCY = "orderCurrency";
  static final String OCCURRED_AT = "occurredAt";

  /** Personal data lives in the complaint row; these copies are dropped from the process. */
  static final List<String> DROPPED_AFTER_INTAKE =
      List.of(CUSTOMER_ID, CUSTOMER_EMAIL, CUSTOMER_PHONE, ORDER_REFERENCE, ORDER_AMOUNT, ORDER_CURRENCY, OCCURRED_AT);

  private final ComplaintValidator validator;
  private final IdentityService identityService;

  private final InstallationLanguage installation;
  private final StaffRefusals refusals;

  StartForm(ComplaintValidator validator, IdentityService identityService, InstallationLanguage installation,
      StaffRefusals refusals) {
    this.refusals = refusals;
    this.validator = validator;
    this.installation = installation;
    this.identityService = identityService;
  }

  NewComplaint read(DelegateExecution execution) {
    String amount = text(execution, ORDER_AMOUNT);
    ComplaintSubmission submission = new ComplaintSubmission(
        new ComplaintSubmission.CustomerInput(text(execution, CUSTOMER_ID), text(execution, CUSTOMER_NAME),
            text(execution, CUSTOMER_EMAIL), text(execution, CUSTOMER_PHONE), text(execution, CUSTOMER_TIER)),
        text(execution, CHANNEL), text(execution, CATEGORY), text(execution, SUBJECT), text(execution, DESCRIPTION),
        text(execution, ORDER_REFERENCE),
        amount == null ? null : new ComplaintSubmission.MoneyInput(amount, text(execution, ORDER_CURRENCY)),
        text(execution, OCCURRED_AT));
    try {
      // taken by phone or at a counter: the installation's language, the one its staff speak
      return validator.validate(submission, currentUser(), installation.get());
    } catch (InvalidRequestException e) {
      LOG.info("Refused a complaint from the start form by {}: {}", currentUser(), e.getMessage());
      throw CompletionCheck.refusal(Phrase.COMPLAINT_NOT_RECORDED, e.problems(), refusals);
    }
  }

  private String currentUser() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString();
  }
}
