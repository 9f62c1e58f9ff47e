package com.redress.privacy;

import com.redress.complaint.ComplaintAccess;
import com.redress.complaint.CustomerRecords.ContactCorrection;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The customer's rights for privacy officers and administrators (SecurityConfig; docs/api.md). */
@RestController
@RequestMapping("/api/privacy/customers")
class CustomerRightsController {

  static final String EXPORT = "GET /api/privacy/customers/{customerId}";
  static final String BY_EMAIL = "GET /api/privacy/customers?email=";

  private final CustomerRights rights;
  private final Erasure erasure;

  CustomerRightsController(CustomerRights rights, Erasure erasure) {
    this.rights = rights;
    this.erasure = erasure;
  }

  record Found(List<String> customerIds) {
  }

  /** A request may name the customer by e-mail address only: the ids of the customers who gave it. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  Found byEmail(@RequestParam(required = false) String email, Authentication authentication) {
    if (email == null || email.isBlank()) {
      throw new InvalidRequestException(List.of(new FieldProblem("email", "is required")));
    }
    return new Found(rights.customersWithEmail(email, authentication.getName(), BY_EMAIL));
  }

  @GetMapping(path = "/{customerId}", produces = MediaType.APPLICATION_JSON_VALUE)
  CustomerRights.Export export(@PathVariable String customerId, Authentication authentication) {
    return rights.export(customerId, ComplaintAccess.of(authentication), EXPORT);
  }

  record Corrected(String customerId, List<String> corrected) {
  }

  @PutMapping(path = "/{customerId}/contact", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Corrected correct(@PathVariable String customerId, @RequestBody ContactCorrection correction) {
    return new Corrected(customerId, rights.correct(customerId, correction));
  }

  /** The erasure's confirmation: the customer's id once more. */
  record ErasureRequest(String customerId) {
  }

  /**
   * The customer's personal data erased from their ended complaints (409 while one is open or
   * unpaid). It cannot be undone: the body must name the customer again, as JSON, which a page of
   * another site cannot send with the officer's credentials.
   */
  @PostMapping(path = "/{customerId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Erasure.Result erase(@PathVariable String customerId, @RequestBody ErasureRequest confirmation,
      Authentication authentication) {
    if (!customerId.equals(confirmation.customerId())) {
      throw new InvalidRequestException(List.of(new FieldProblem("customerId", "must repeat the customer's id")));
    }
    return erasure.eraseCustomer(customerId, authentication.getName());
  }
}
