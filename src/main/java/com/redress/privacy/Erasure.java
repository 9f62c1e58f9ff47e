package com.redress.privacy;

import com.redress.audit.AuditErasure;
import com.redress.compensation.CompensationService;
import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerRecords;
import com.redress.mailintake.CustomerMails;
import com.redress.notification.NotificationService;
import com.redress.shared.ConflictException;
import com.redress.shared.NotFoundException;
import com.redress.shared.PersonalData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a customer's personal data from ended complaints everywhere Redress and the engine keep
 * it (docs/adr/0017), in one transaction: the complaint rows, survey answers, links, the messages
 * kept, compensation reasons, the engine's copies and the audit trail, which stays verifiable.
 * What the complaints were (categories, amounts, decisions, times, handlers) and their figures stay,
 * so reports and award scores do not change.
 */
@Service
public class Erasure {

  private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);

  /** What one erasure did. */
  public record Result(String customerId, List<String> complaints, int messages, int engineInstances,
      int engineTexts, int auditKeysDestroyed, List<String> resealedChains) {
  }

  private final CustomerRecords customers;
  private final ComplaintService complaints;
  private final CompensationService compensations;
  private final NotificationService notifications;
  private final EngineCopies engine;
  private final AuditErasure audit;
  private final CustomerMails mails;

  Erasure(CustomerRecords customers, ComplaintService complaints, CompensationService compensations,
      NotificationService notifications, EngineCopies engine, AuditErasure audit, CustomerMails mails) {
    this.customers = customers;
    this.complaints = complaints;
    this.compensations = compensations;
    this.notifications = notifications;
    this.engine = engine;
    this.audit = audit;
    this.mails = mails;
  }

  /**
   * The customer's request, carried out by {@code officer}: every complaint of theirs whose data is
   * still kept. Refused (409, nothing changed) while one is open or a compensation is unpaid.
   */
  @Transactional
  public Result eraseCustomer(String customerId, String officer) {
    if (customers.complaintsOf(customerId).isEmpty()) {
      throw new NotFoundException(CustomerRights.NO_SUCH_CUSTOMER);
    }
    List<Complaint> kept = customers.keptComplaintsOf(customerId);
    customers.stillNeeded(kept).ifPresent(why -> {
      LOG.info("Erasure of customer {}'s data for {} refused: {}", customerId, officer, why.english());
      throw new ConflictException(409, why);
    });
    Map<String, Object> reason = new LinkedHashMap<>();
    reason.put("reason", "the customer's request");
    reason.put("by", officer);
    return erase(customerId, kept, reason);
  }

  /**
   * Retention's erasure of one complaint that ended longer ago than {@code retention}; empty when
   * another erasure came first or it is still needed (an unpaid compensation).
   */
  @Transactional
  public Optional<Result> eraseExpired(String reference, String retention) {
    Complaint complaint = complaints.get(reference);
    if (customers.stillNeeded(List.of(complaint)).isPresent()) {
      return Optional.empty();
    }
    Result result = erase(complaint.customer().id(), List.of(complaint),
        Map.of("reason", "retention: ended more than " + retention + " ago"));
    return result.complaints().isEmpty() ? Optional.empty() : Optional.of(result);
  }

  private Result erase(String customerId, List<Complaint> theirs, Map<String, Object> reason) {
    // read before anything is erased: the data is found by what the rows and messages still hold
    PersonalData data = customers.personalDataOf(theirs);
    List<String> references = theirs.stream().filter(c -> customers.erase(c, data)).map(Complaint::reference)
        .toList();
    if (references.isEmpty()) {
      return new Result(customerId, List.of(), 0, 0, 0, 0, List.of());
    }
    compensations.eraseFromReasons(references, data);
    mails.erase(references, theirs.stream().map(c -> c.customer().email()).toList());
    int messages = notifications.erase(references, data);
    EngineCopies.Erased fromEngine = engine.erase(references, data);
    AuditErasure.Result fromAudit = audit.erase(references, data, reason);
    return new Result(customerId, references, messages, fromEngine.processInstances(), fromEngine.texts(),
        fromAudit.keysDestroyed(), fromAudit.resealedChains());
  }
}
