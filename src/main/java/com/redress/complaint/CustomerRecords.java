package com.redress.complaint;

import com.redress.audit.AuditTrail;
import com.redress.notification.NotificationService;
import com.redress.shared.AppClock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One customer across their complaints: what the customer's rights act on (docs/security.md §3). */
@Service
public class CustomerRecords {

  static final String CONTACT_CORRECTED = "customer-contact-corrected";

  /** New contact details; a null field stays as it is. */
  public record ContactCorrection(String name, String email, String phone) {
  }

  private final ComplaintRepository complaints;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AuditTrail audit;
  private final NotificationService notifications;
  private final AppClock clock;

  CustomerRecords(ComplaintRepository complaints, RuntimeService runtime, IdentityService identity, AuditTrail audit,
      NotificationService notifications, AppClock clock) {
    this.notifications = notifications;
    this.complaints = complaints;
    this.runtime = runtime;
    this.identity = identity;
    this.audit = audit;
    this.clock = clock;
  }

  /** The customer's complaints, oldest first; empty for an unknown customer. */
  public List<Complaint> complaintsOf(String customerId) {
    return complaints.ofCustomer(customerId);
  }

  /** The ids of the customers who gave this e-mail address (ignoring case). */
  public List<String> customersWithEmail(String email) {
    return complaints.customersWithEmail(email);
  }

  /**
   * Corrects the customer's contact details on every complaint of theirs, in the running cases'
   * variables and in the messages still waiting to be sent; each complaint whose details changed records which fields and who changed them in
   * its story, not the values (they are personal data; the complaint row holds them). Returns the
   * fields changed on any complaint, or empty for a customer without complaints.
   */
  @Transactional
  public Optional<List<String>> correct(String customerId, ContactCorrection correction) {
    List<Complaint> theirs = complaints.ofCustomer(customerId);
    if (theirs.isEmpty()) {
      return Optional.empty();
    }
    Set<String> changedAnywhere = new LinkedHashSet<>();
    for (Complaint complaint : theirs) {
      List<String> changed = changes(complaint.customer(), correction);
      if (changed.isEmpty()) {
        continue;
      }
      changedAnywhere.addAll(changed);
      audit.recordDomainChange(complaint.reference(), CONTACT_CORRECTED, Map.of("fields", changed));
      if (changed.contains("name")) {
        // the handling case and its compensation approval both show the name in their forms
        asRedress(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(complaint.reference())
            .unlimitedList().stream()
            .filter(running -> runtime.getVariable(running.getId(), ComplaintHandlingProcess.CUSTOMER_NAME.name()) != null)
            .forEach(running -> runtime.setVariable(running.getId(), ComplaintHandlingProcess.CUSTOMER_NAME.name(),
                correction.name())));
      }
    }
    if (!changedAnywhere.isEmpty()) {
      complaints.correctContact(customerId, correction, clock.nowInBusinessZone());
    }
    if (changedAnywhere.contains("email")) {
      notifications.readdressPending(theirs.stream().map(Complaint::reference).toList(), correction.email());
    }
    return Optional.of(List.copyOf(changedAnywhere));
  }

  private static List<String> changes(NewComplaint.Customer now, ContactCorrection correction) {
    List<String> changed = new ArrayList<>();
    if (correction.name() != null && !correction.name().equals(now.name())) {
      changed.add("name");
    }
    if (correction.email() != null && !correction.email().equals(now.email())) {
      changed.add("email");
    }
    if (correction.phone() != null && !correction.phone().equals(now.phone())) {
      changed.add("phone");
    }
    return changed;
  }

  /**
   * The cases' copy of the name is Redress's to keep in step, whoever asked for the correction:
   * who may correct was checked before (SecurityConfig), and a privacy officer has no permission on
   * the cases themselves.
   */
  private void asRedress(Runnable engineWork) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      engineWork.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

}
