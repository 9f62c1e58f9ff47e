package com.redress.complaint;

import com.redress.audit.AuditTimeline;
import com.redress.audit.AuditTrail;
import com.redress.identity.AsRedress;
import com.redress.language.Phrase;
import com.redress.language.Wording;
import com.redress.notification.NotificationService;
import com.redress.shared.AppClock;
import com.redress.shared.PersonalData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** One customer across their complaints: what the customer's rights act on (docs/security.md §3). */
@Service
public class CustomerRecords {

  static final String CONTACT_CORRECTED = "customer-contact-corrected";
  private static final String PREVIOUS_NAME = "previousName";
  private static final String PREVIOUS_EMAIL = "previousEmail";
  private static final String PREVIOUS_PHONE = "previousPhone";

  /** New contact details; a null field stays as it is, an empty e-mail address or phone number is removed. */
  public record ContactCorrection(String name, String email, String phone) {
  }

  /** Complaints whose handling is over: only their customer's data may be erased. */
  private static final Set<ComplaintStatus> ENDED = EnumSet.of(ComplaintStatus.CLOSED, ComplaintStatus.DUPLICATE);
  /** Compensation states in which the customer is still to be paid. */
  private static final Set<String> UNPAID = Set.of("AWAITING_APPROVAL", "APPROVED");

  private final ComplaintRepository complaints;
  private final RuntimeService runtime;
  private final AsRedress asRedress;
  private final AuditTrail audit;
  private final NotificationService notifications;
  private final AppClock clock;
  private final SurveyRepository surveys;
  private final AccessTokens tokens;
  private final ConfirmedAddresses confirmedAddresses;
  private final CompensationInfo compensations;
  private final AuditTimeline timeline;

  CustomerRecords(ComplaintRepository complaints, RuntimeService runtime, AsRedress asRedress, AuditTrail audit,
      NotificationService notifications, AppClock clock, SurveyRepository surveys, AccessTokens tokens,
      ConfirmedAddresses confirmedAddresses, CompensationInfo compensations, AuditTimeline timeline) {
    this.timeline = timeline;
    this.surveys = surveys;
    this.tokens = tokens;
    this.confirmedAddresses = confirmedAddresses;
    this.compensations = compensations;
    this.notifications = notifications;
    this.complaints = complaints;
    this.runtime = runtime;
    this.asRedress = asRedress;
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
   * variables and in the messages still waiting to be sent; each complaint whose details changed records
   * in its story which fields, who changed them and the values replaced, sealed (never the new ones:
   * the complaint row holds them). Returns the
   * fields changed on any complaint, or empty for a customer without complaints.
   */
  @Transactional
  public Optional<List<String>> correct(String customerId, ContactCorrection correction) {
    if (complaints.ofCustomer(customerId).isEmpty()) {
      return Optional.empty();
    }
    // an erased complaint keeps nothing of the customer, a correction included
    List<Complaint> theirs = complaints.keptOfCustomer(customerId);
    Set<String> changedAnywhere = new LinkedHashSet<>();
    for (Complaint complaint : theirs) {
      List<String> changed = changes(complaint.customer(), correction);
      if (changed.isEmpty()) {
        continue;
      }
      changedAnywhere.addAll(changed);
      audit.recordDomainChange(complaint.reference(), CONTACT_CORRECTED,
          correctionDetails(complaint, changed, correction));
      if (changed.contains("name")) {
        // the handling case's forms show the name (and approvals started by models older than issue 19 copied it)
        asRedress.run(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(complaint.reference())
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

  /** Every survey round of the complaint, oldest first: the customer's answers. */
  public List<Survey> surveysOf(String reference) {
    return surveys.all(reference);
  }

  /** Every compensation of the complaint, oldest first, as staff see them (a voucher's code is not shown). */
  public List<CompensationInfo.Summary> compensationsOf(String reference) {
    return compensations.all(reference).stream().map(ComplaintView::withoutVoucherCode).toList();
  }

  /** The customer's complaints whose personal data is still kept, oldest first. */
  public List<Complaint> keptComplaintsOf(String customerId) {
    return complaints.keptOfCustomer(customerId);
  }

  /**
   * Complaints that ended before {@code cutoff} and still keep their customer's data, retention's
   * work: in reference order after {@code after}, at most {@code limit}.
   */
  public List<String> keptPast(OffsetDateTime cutoff, String after, int limit) {
    return complaints.keptPast(cutoff, after, limit);
  }

  /** Why the personal data of these complaints is still needed; empty when it may be erased. */
  public Optional<Wording> stillNeeded(Collection<Complaint> theirs) {
    for (Complaint complaint : theirs) {
      if (!ENDED.contains(complaint.status()) || stillRunning(complaint.reference())) {
        return Optional.of(Phrase.ERASURE_CASE_OPEN.with(complaint.reference(), complaint.status()));
      }
      Optional<String> unpaid = compensations.latest(complaint.reference()).map(CompensationInfo.Summary::state)
          .filter(UNPAID::contains);
      if (unpaid.isPresent()) {
        return Optional.of(Phrase.ERASURE_COMPENSATION_UNPAID.with(complaint.reference(), unpaid.get()));
      }
    }
    return Optional.empty();
  }

  /** A case that ended its status but not yet its process (a duplicate's last steps, a closing under way). */
  private boolean stillRunning(String reference) {
    return asRedress.call(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).count()) > 0;
  }

  /**
   * What identifies the customer of these complaints wherever it was kept or quoted: their names,
   * addresses and numbers (earlier ones too: those corrections replaced, those their messages went
   * to), order references, and
   * their own words (subjects, descriptions, survey answers).
   */
  public PersonalData personalDataOf(Collection<Complaint> theirs) {
    List<String> references = theirs.stream().map(Complaint::reference).toList();
    List<String> quoted = new ArrayList<>(notifications.recipients(references, CustomerMessages.KINDS));
    for (String reference : references) {
      // the values corrections replaced
      quoted.addAll(timeline.openedValues(reference, CONTACT_CORRECTED,
          List.of(PREVIOUS_NAME, PREVIOUS_EMAIL, PREVIOUS_PHONE)));
    }
    List<String> whole = new ArrayList<>(surveys.comments(references));
    for (Complaint complaint : theirs) {
      quoted.addAll(Arrays.asList(complaint.customer().name(), complaint.customer().email(),
          complaint.customer().phone(), complaint.orderReference()));
      whole.addAll(List.of(complaint.subject(), complaint.description()));
    }
    return new PersonalData(quoted, whole);
  }

  /**
   * Erases the customer's data from one complaint's records, in the caller's transaction (docs/adr/0017);
   * false when another erasure did so first. What the complaint was and its figures stay.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean erase(Complaint complaint, PersonalData data) {
    String reference = complaint.reference();
    if (!complaints.claimForErasure(reference, clock.nowInBusinessZone())) {
      return false;
    }
    complaints.erasePersonalData(reference, data);
    surveys.eraseComments(List.of(reference));
    tokens.revokeAll(reference);
    String email = complaint.customer().email();
    if (email != null && complaints.customersWithEmail(email).isEmpty()) {
      confirmedAddresses.forget(email);
    }
    return true;
  }

  /**
   * Which fields changed and which were removed; the values they had, sealed (an auditor may see
   * what was corrected; an erasure finds them, and destroys them with the case's key).
   */
  private Map<String, Object> correctionDetails(Complaint complaint, List<String> changed,
      ContactCorrection correction) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("fields", changed);
    List<String> removed = changed.stream().filter(field -> field.equals("email") && correction.email().isEmpty()
        || field.equals("phone") && correction.phone().isEmpty()).toList();
    if (!removed.isEmpty()) {
      details.put("removed", removed);
    }
    NewComplaint.Customer before = complaint.customer();
    Map<String, String> previous = new LinkedHashMap<>();
    previous.put(PREVIOUS_NAME, changed.contains("name") ? before.name() : null);
    previous.put(PREVIOUS_EMAIL, changed.contains("email") ? before.email() : null);
    previous.put(PREVIOUS_PHONE, changed.contains("phone") ? before.phone() : null);
    previous.forEach((field, value) -> {
      if (value != null) {
        details.put(field, audit.sealed(complaint.reference(), value));
      }
    });
    return details;
  }

  private static List<String> changes(NewComplaint.Customer now, ContactCorrection correction) {
    List<String> changed = new ArrayList<>();
    if (correction.name() != null && !correction.name().equals(now.name())) {
      changed.add("name");
    }
    if (correction.email() != null && !correction.email().equals(Objects.toString(now.email(), ""))) {
      changed.add("email");
    }
    if (correction.phone() != null && !correction.phone().equals(Objects.toString(now.phone(), ""))) {
      changed.add("phone");
    }
    return changed;
  }
}
