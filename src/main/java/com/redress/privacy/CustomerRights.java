package com.redress.privacy;

import com.redress.audit.AuditTimeline;
import com.redress.audit.AuditTrail;
import com.redress.complaint.CompensationInfo;
import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintAccess;
import com.redress.complaint.ComplaintValidator;
import com.redress.complaint.ComplaintView;
import com.redress.complaint.CustomerRecords;
import com.redress.complaint.CustomerRecords.ContactCorrection;
import com.redress.complaint.StaffViews;
import com.redress.complaint.Survey;
import com.redress.mailintake.CustomerMails;
import com.redress.notification.NotificationService;
import com.redress.shared.AppClock;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.NotFoundException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A customer's rights as the privacy officers act on them (PIPL: see, copy, correct): everything
 * Redress holds about one customer, and corrections of their contact details (docs/api.md).
 */
@Service
public class CustomerRights {

  static final String NO_SUCH_CUSTOMER = "No customer with this id.";

  /** Everything Redress holds about one customer; {@code reads}: who looked at their data before this export. */
  public record Export(String customerId, OffsetDateTime exportedAt, List<ComplaintView> complaints,
      Map<String, List<Survey>> surveys, Map<String, List<CompensationInfo.Summary>> compensations,
      List<NotificationService.KeptMessage> messages, List<CustomerMails.KeptMail> mails,
      List<AuditTimeline.Entry> reads) {
  }

  private final CustomerRecords customers;
  private final StaffViews views;
  private final NotificationService notifications;
  private final AuditTimeline timeline;
  private final AppClock clock;
  private final AuditTrail audit;
  private final CustomerMails mails;

  CustomerRights(CustomerRecords customers, StaffViews views, NotificationService notifications,
      AuditTimeline timeline, AppClock clock, AuditTrail audit, CustomerMails mails) {
    this.audit = audit;
    this.mails = mails;
    this.customers = customers;
    this.views = views;
    this.notifications = notifications;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** The customer's data in full; the export is itself a read of each complaint, on the customer's access log. */
  public Export export(String customerId, ComplaintAccess reader, String endpoint) {
    List<Complaint> theirs = customers.complaintsOf(customerId);
    if (theirs.isEmpty()) {
      throw new NotFoundException(NO_SUCH_CUSTOMER);
    }
    List<AuditTimeline.Entry> reads = timeline.domainChanges(AuditTrail.readsChain(customerId), clock.businessZone());
    List<ComplaintView> complaints = views.full(reader, theirs, endpoint);
    // every round of a reopened complaint, not only the latest its view shows
    Map<String, List<Survey>> surveys = new LinkedHashMap<>();
    Map<String, List<CompensationInfo.Summary>> compensations = new LinkedHashMap<>();
    for (Complaint complaint : theirs) {
      surveys.put(complaint.reference(), customers.surveysOf(complaint.reference()));
      compensations.put(complaint.reference(), customers.compensationsOf(complaint.reference()));
    }
    List<String> references = theirs.stream().map(Complaint::reference).toList();
    return new Export(customerId, clock.nowInBusinessZone(), complaints, surveys, compensations,
        notifications.keptFor(references),
        mails.of(references, theirs.stream().map(c -> c.customer().email()).distinct().toList()), reads);
  }

  /**
   * The customers who gave this address: telling that the address is theirs is a read of their data,
   * on each one's access log.
   */
  public List<String> customersWithEmail(String email, String reader, String endpoint) {
    List<String> found = customers.customersWithEmail(email);
    audit.recordReads(reader, endpoint, found.stream()
        .map(id -> new AuditTrail.PersonalDataRead(id, null, "customer id by e-mail address")).toList());
    return found;
  }

  /**
   * Corrects the customer's contact details; an empty e-mail address or phone number removes it (the
   * name cannot be removed: erasure does that). Returns the fields changed (none when all were as given).
   */
  public List<String> correct(String customerId, ContactCorrection correction) {
    List<FieldProblem> problems = new ArrayList<>();
    if (correction.name() == null && correction.email() == null && correction.phone() == null) {
      problems.add(new FieldProblem("contact", "give at least one of name, email and phone"));
    }
    text(problems, "name", correction.name(), 200);
    if (!removal(correction.email()) && text(problems, "email", correction.email(), 254)
        && !ComplaintValidator.isEmail(correction.email())) {
      problems.add(new FieldProblem("email", "must be an e-mail address, or empty to remove it"));
    }
    if (!removal(correction.phone())) {
      text(problems, "phone", correction.phone(), 40);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return customers.correct(customerId, new ContactCorrection(strip(correction.name()), strip(correction.email()),
        strip(correction.phone()))).orElseThrow(() -> new NotFoundException(NO_SUCH_CUSTOMER));
  }

  /** A given field must not be blank nor longer than {@code max}; true when given and fine. */
  private static boolean text(List<FieldProblem> problems, String field, String value, int max) {
    if (value == null) {
      return false;
    }
    if (value.isBlank() || value.strip().length() > max) {
      problems.add(new FieldProblem(field, "must be 1 to " + max + " characters"));
      return false;
    }
    return true;
  }

  /** An empty (or blank) value given for an optional contact detail removes it. */
  private static boolean removal(String value) {
    return value != null && value.isBlank();
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
