package com.redress.complaint;

import static com.redress.complaint.ComplaintHandlingProcess.COMPLAINT_REFERENCE;

import com.redress.audit.AuditTrail;
import com.redress.shared.AppClock;
import com.redress.shared.BusinessCalendar;
import com.redress.shared.NotFoundException;
import com.redress.shared.PageRequestParams;
import com.redress.shared.PageResult;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The complaint's life as stored in Redress's own table; the process calls in through delegates. */
@Service
public class ComplaintService {

  /** Window for "complaints by this customer recently", an input of the classification rules. */
  static final Duration RECENT_WINDOW = Duration.ofDays(90);
  /** Audit event type of every status change of a complaint. */
  public static final String STATUS_CHANGED = "complaint-status";

  private final ComplaintRepository complaints;
  private final ReferenceGenerator references;
  private final AccessTokens tokens;
  private final IdempotencyKeys idempotencyKeys;
  private final RuntimeService runtimeService;
  private final AppClock clock;
  private final AuditTrail audit;
  private final BusinessCalendar calendar;
  /** The purpose of the token the submitter gets back. */
  static final String SUBMISSION_TOKEN = "SUBMISSION";

  private final HandlerRepository handlers;
  private final ConfirmedAddresses confirmedAddresses;

  ComplaintService(ComplaintRepository complaints, ReferenceGenerator references, AccessTokens tokens,
      IdempotencyKeys idempotencyKeys, RuntimeService runtimeService, AppClock clock, AuditTrail audit,
      BusinessCalendar calendar, HandlerRepository handlers, ConfirmedAddresses confirmedAddresses) {
    this.confirmedAddresses = confirmedAddresses;
    this.handlers = handlers;
    this.audit = audit;
    this.calendar = calendar;
    this.complaints = complaints;
    this.references = references;
    this.tokens = tokens;
    this.idempotencyKeys = idempotencyKeys;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** What the submitter gets back: the token is in clear here and nowhere else. */
  public record Submitted(String reference, String accessToken, ComplaintStatus status) {
  }

  /**
   * Stores the complaint and starts ComplaintHandling in one transaction: either both exist
   * afterwards or neither. With an idempotency key, the key's row is claimed first.
   */
  @Transactional
  public Submitted submit(NewComplaint complaint, String idempotencyKey, String requestHash) {
    String reference = references.next();
    if (idempotencyKey != null) {
      idempotencyKeys.claim(idempotencyKey, requestHash, reference);
    }
    insert(reference, complaint);
    String token = tokens.issue(reference, SUBMISSION_TOKEN);
    runtimeService.startProcessInstanceByKey(ComplaintHandlingProcess.KEY, reference,
        COMPLAINT_REFERENCE.putInto(Variables.createVariables(), reference));
    return new Submitted(reference, token, get(reference).status());
  }

  /** Stores a complaint recorded in Tasklist's start form, inside the already running process. */
  public String create(NewComplaint complaint) {
    String reference = references.next();
    insert(reference, complaint);
    return reference;
  }

  private void insert(String reference, NewComplaint complaint) {
    complaints.insert(reference, complaint, clock.nowInBusinessZone());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", ComplaintStatus.RECEIVED.name());
    details.put("channel", complaint.channel().name());
    details.put("category", complaint.category().name());
    details.put("customerTier", complaint.customer().tier().name());
    if (complaint.recordedBy() != null) {
      details.put("recordedBy", complaint.recordedBy());
      // a member of staff took the address from the customer: our e-mails may quote them
      if (complaint.customer().email() != null) {
        confirmedAddresses.confirm(complaint.customer().email());
      }
    }
    audit.recordDomainChange(reference, "complaint-received", details);
  }

  /** What registration learned: a duplicate's original, and the rules' inputs. */
  public record Registration(Complaint complaint, String duplicateOf, int complaintsLast90Days) {
  }

  /** Links a repeat complaint about the same order to the open original instead of opening a second case. */
  @Transactional
  public Registration register(String reference) {
    Complaint complaint = get(reference);
    Optional<String> original = complaint.orderReference() == null
        ? Optional.empty()
        : complaints.findOpenOriginal(reference, complaint.customer().id(), complaint.orderReference());
    OffsetDateTime now = clock.nowInBusinessZone();
    original.ifPresent(o -> {
      complaints.markDuplicate(reference, o, now);
      audit.recordDomainChange(reference, STATUS_CHANGED,
          Map.of("status", ComplaintStatus.DUPLICATE.name(), "duplicateOf", o));
    });
    int recent = complaints.recordComplaintsLast90Days(reference,
        complaints.countByCustomerSince(complaint.customer().id(), now.minus(RECENT_WINDOW), reference));
    return new Registration(get(reference), original.orElse(null), recent);
  }

  @Transactional
  public void markForTriage(String reference) {
    complaints.updateStatus(reference, ComplaintStatus.TRIAGE, clock.nowInBusinessZone());
    audit.recordDomainChange(reference, STATUS_CHANGED, Map.of("status", ComplaintStatus.TRIAGE.name()));
  }

  /** Stores severity, team and SLA due times (counted in business hours); the complaint is then being worked on. */
  @Transactional
  public Complaint.Classification classify(String reference, Severity severity, String handlerGroup,
      String classifiedBy, int firstResponseSlaHours, int resolutionSlaHours) {
    OffsetDateTime now = clock.nowInBusinessZone();
    Complaint.Classification classification = new Complaint.Classification(severity, handlerGroup, classifiedBy,
        firstResponseSlaHours, resolutionSlaHours,
        inBusinessTime(now, Duration.ofHours(firstResponseSlaHours)),
        inBusinessTime(now, Duration.ofHours(resolutionSlaHours)),
        inBusinessTime(now, Duration.ofHours(resolutionSlaHours).multipliedBy(3).dividedBy(4)));
    complaints.saveClassification(reference, classification, ComplaintStatus.IN_PROGRESS, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", ComplaintStatus.IN_PROGRESS.name());
    details.put("severity", severity.name());
    details.put("handlerGroup", handlerGroup);
    details.put("classifiedBy", classifiedBy);
    details.put("firstResponseSlaHours", firstResponseSlaHours);
    details.put("resolutionSlaHours", resolutionSlaHours);
    details.put("resolutionDue", classification.resolutionDue().toString());
    audit.recordDomainChange(reference, STATUS_CHANGED, details);
    return classification;
  }

  private OffsetDateTime inBusinessTime(OffsetDateTime from, Duration amount) {
    return calendar.plus(from.toInstant(), amount).atZone(clock.businessZone()).toOffsetDateTime();
  }

  /** The first human action on the complaint (a claim or a triage): recorded once, with who and when. */
  @Transactional
  public void recordFirstResponse(String reference, String user) {
    complaints.recordFirstResponse(reference, clock.nowInBusinessZone(), user);
  }

  /** 75 % of the resolution SLA has passed. */
  @Transactional
  public void recordSlaWarning(String reference) {
    complaints.recordSlaWarning(reference, clock.nowInBusinessZone());
    audit.recordDomainChange(reference, "complaint-sla-warning", Map.of("at", clock.nowInBusinessZone().toString()));
  }

  /** The resolution SLA is breached: the complaint is escalated. */
  @Transactional
  public void recordSlaBreach(String reference) {
    complaints.recordSlaBreach(reference, clock.nowInBusinessZone());
    audit.recordDomainChange(reference, STATUS_CHANGED,
        Map.of("status", ComplaintStatus.ESCALATED.name(), "slaBreachedAt", clock.nowInBusinessZone().toString()));
  }

  @Transactional
  public void recordOutcome(String reference, RootCause rootCause, String resolution,
      boolean serviceFailureAcknowledged, String resolvedBy, Complaint.CompensationProposal proposal) {
    complaints.saveOutcome(reference, new Complaint.Outcome(rootCause, resolution, serviceFailureAcknowledged,
        resolvedBy, clock.nowInBusinessZone(), proposal), ComplaintStatus.RESOLVED);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", ComplaintStatus.RESOLVED.name());
    details.put("rootCause", rootCause.name());
    details.put("resolution", resolution);
    details.put("serviceFailureAcknowledged", serviceFailureAcknowledged);
    if (resolvedBy != null) {
      details.put("resolvedBy", resolvedBy);
    }
    if (proposal != null) {
      details.put("proposedCompensation", Map.of("type", proposal.type().name(),
          "amount", proposal.amount().amount().toPlainString(), "currency", proposal.amount().currency(),
          "reason", proposal.reason()));
    }
    audit.recordDomainChange(reference, STATUS_CHANGED, details);
  }

  /** A proposed compensation goes to approval; the complaint waits for it. */
  @Transactional
  public void awaitApproval(String reference, String proposalId) {
    complaints.updateStatus(reference, ComplaintStatus.AWAITING_APPROVAL, clock.nowInBusinessZone());
    audit.recordDomainChange(reference, STATUS_CHANGED,
        Map.of("status", ComplaintStatus.AWAITING_APPROVAL.name(), "proposalId", proposalId));
  }

  /** Someone took on or completed the handling: they may not review its quality later. */
  @Transactional
  public void recordHandler(String reference, String user) {
    handlers.add(reference, user, clock.nowInBusinessZone());
  }

  /** Everyone who handled the complaint, first come first. */
  public List<String> handlers(String reference) {
    return handlers.of(reference);
  }

  /**
   * The customer was unhappy: handling starts again with a fresh resolution SLA counted from now
   * (same number of business hours as classified). Returns the new due times.
   */
  @Transactional
  public Complaint.Classification reopen(String reference) {
    Complaint complaint = get(reference);
    Complaint.Classification c = complaint.classification();
    OffsetDateTime now = clock.nowInBusinessZone();
    Duration sla = Duration.ofHours(c.resolutionSlaHours());
    Complaint.Classification renewed = new Complaint.Classification(c.severity(), c.handlerGroup(), c.classifiedBy(),
        c.firstResponseSlaHours(), c.resolutionSlaHours(), c.firstResponseDue(), inBusinessTime(now, sla),
        inBusinessTime(now, sla.multipliedBy(3).dividedBy(4)));
    complaints.reopen(reference, renewed.resolutionDue(), renewed.slaWarningAt(), now);
    audit.recordDomainChange(reference, STATUS_CHANGED, Map.of("status", ComplaintStatus.REOPENED.name(),
        "reopenCount", complaint.lifecycle().reopenCount() + 1, "resolutionDue", renewed.resolutionDue().toString()));
    return renewed;
  }

  /**
   * The handler asked the customer {@code question}: the complaint waits for the answer, its
   * resolution SLA paused from now.
   */
  @Transactional
  public void awaitCustomer(String reference, String question, String askedBy) {
    complaints.awaitCustomer(reference, question, clock.nowInBusinessZone());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", ComplaintStatus.WAITING_FOR_CUSTOMER.name());
    details.put("askedBy", askedBy);
    details.put("question", question);
    audit.recordDomainChange(reference, STATUS_CHANGED, details);
  }

  /**
   * The customer answered: handling again, the resolution SLA running on with the business time it
   * had left when the question went out (the warning too, unless it had come already). Returns the
   * moved due times.
   */
  @Transactional
  public Complaint.Classification resumeHandling(String reference, String answer) {
    Complaint complaint = waiting(reference);
    Complaint.Classification c = complaint.classification();
    OffsetDateTime now = clock.nowInBusinessZone();
    Instant since = complaint.waiting().since().toInstant();
    Duration waited = calendar.between(since, now.toInstant());
    OffsetDateTime due = inBusinessTime(now, calendar.between(since, c.resolutionDue().toInstant()));
    OffsetDateTime warnAt = c.slaWarningAt().toInstant().isAfter(since)
        ? inBusinessTime(now, calendar.between(since, c.slaWarningAt().toInstant())) : c.slaWarningAt();
    // where it stood before the question: a reopened round is with the supervisors anyway
    ComplaintStatus status = complaint.lifecycle().reopenCount() > 0 ? ComplaintStatus.REOPENED
        : complaint.sla().breachedAt() != null ? ComplaintStatus.ESCALATED : ComplaintStatus.IN_PROGRESS;
    complaints.resumeHandling(reference, status, waited, due, warnAt, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("status", status.name());
    details.put("answer", audit.sealed(reference, answer));
    details.put("waited", waited.toString());
    details.put("resolutionDue", due.toString());
    audit.recordDomainChange(reference, STATUS_CHANGED, details);
    return new Complaint.Classification(c.severity(), c.handlerGroup(), c.classifiedBy(), c.firstResponseSlaHours(),
        c.resolutionSlaHours(), c.firstResponseDue(), due, warnAt);
  }

  /** No answer in time: it goes on to review and closing as UNRESOLVED_NO_REPLY. */
  @Transactional
  public void markNoReply(String reference) {
    Complaint complaint = waiting(reference);
    OffsetDateTime now = clock.nowInBusinessZone();
    Duration waited = calendar.between(complaint.waiting().since().toInstant(), now.toInstant());
    complaints.markNoReply(reference, waited, now);
    audit.recordDomainChange(reference, STATUS_CHANGED, Map.of("status", ComplaintStatus.RESOLVED.name(),
        "unresolved", true, "noReply", true, "waited", waited.toString()));
  }

  /**
   * The complaint, still waiting for the customer; an answer and the closing without reply that
   * both got there at once are told apart by the engine's optimistic locking, which retries the loser.
   */
  private Complaint waiting(String reference) {
    Complaint complaint = get(reference);
    if (complaint.waiting().since() == null) {
      throw new OptimisticLockingException("Complaint " + reference + " stopped waiting for the customer meanwhile");
    }
    return complaint;
  }

  /** Unhappy again with no reopening left: it goes on to review and closing, flagged unresolved. */
  @Transactional
  public void markUnresolved(String reference) {
    complaints.markUnresolved(reference, clock.nowInBusinessZone());
    audit.recordDomainChange(reference, STATUS_CHANGED,
        Map.of("status", ComplaintStatus.RESOLVED.name(), "unresolved", true));
  }

  @Transactional
  public void recordQualityReview(String reference, int score, boolean innovative, String innovationReason,
      String comment, String reviewer) {
    OffsetDateTime now = clock.nowInBusinessZone();
    complaints.saveQualityReview(reference,
        new Complaint.QualityReview(score, innovative, innovationReason, comment, reviewer, now));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("qualityScore", score);
    details.put("innovative", innovative);
    if (innovationReason != null) {
      details.put("innovationReason", innovationReason);
    }
    if (comment != null) {
      details.put("comment", comment);
    }
    details.put("reviewedBy", reviewer);
    audit.recordDomainChange(reference, "complaint-quality-reviewed", details);
  }

  public Complaint get(String reference) {
    return complaints.find(reference).orElseThrow(() -> new NotFoundException("No complaint " + reference));
  }

  public Optional<Complaint> find(String reference) {
    return complaints.find(reference);
  }

  /** Whether {@code reader} may read the complaint (docs/security.md §3). */
  public boolean readable(String reference, ComplaintAccess reader) {
    return complaints.readable(reference, reader);
  }

  public boolean isEmpty() {
    return complaints.count() == 0;
  }

  public PageResult<Complaint> search(ComplaintFilter filter, PageRequestParams page) {
    return new PageResult<>(complaints.search(filter, page.offset(), page.size()), page.page(), page.size(),
        complaints.countMatching(filter));
  }
}
