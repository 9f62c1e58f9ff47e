package com.redress.compensation;

import com.redress.audit.AuditTrail;
import com.redress.complaint.CompensationType;
import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintService;
import com.redress.shared.AppClock;
import com.redress.shared.ConflictException;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.Money;
import com.redress.shared.PersonalData;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A proposed compensation from policy to issuing: the approval chain the policy chose, the team's
 * budget reserved while approvers decide, every decision, and issuing exactly once.
 */
@Service
public class CompensationService {

  /** Window for "what this customer was already granted", an input of the policy. */
  static final Duration GRANTED_WINDOW = Duration.ofDays(90);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
  /** Voucher codes: 20 characters of an alphabet without look-alikes, about 100 bits. */
  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int CODE_LENGTH = 20;

  private final CompensationRepository compensations;
  private final BudgetRepository budgets;
  private final ComplaintService complaints;
  private final CompensationSettings settings;
  private final PaymentProvider payments;
  private final AuditTrail audit;
  private final AppClock clock;
  private final SecureRandom random = new SecureRandom();

  CompensationService(CompensationRepository compensations, BudgetRepository budgets, ComplaintService complaints,
      CompensationSettings settings, PaymentProvider payments, AuditTrail audit, AppClock clock) {
    this.compensations = compensations;
    this.budgets = budgets;
    this.complaints = complaints;
    this.settings = settings;
    this.payments = payments;
    this.audit = audit;
    this.clock = clock;
  }

  /** Erases a customer's data quoted in these complaints' compensation reasons (docs/adr/0017); amounts stay. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void eraseFromReasons(Collection<String> references, PersonalData data) {
    compensations.eraseFromReasons(references, data);
  }

  /** What the policy needs besides the proposal, as stored: severity, tier, the customer's last 90 days. */
  public record Registered(Compensation compensation, String severity, String customerTier,
      BigDecimal grantedLast90Days) {
  }

  /**
   * Records the handler's proposal (stored with the outcome) for approval; the complaint waits.
   * A retried step finds it recorded already.
   */
  @Transactional
  public Registered register(String reference) {
    Complaint complaint = complaints.get(reference);
    Complaint.CompensationProposal proposal = complaint.outcome().proposedCompensation();
    if (proposal == null) {
      throw new IllegalStateException("Complaint " + reference + " proposes no compensation");
    }
    int round = complaint.lifecycle().reopenCount();
    String id = reference + "/" + round;
    OffsetDateTime now = clock.nowInBusinessZone();
    Compensation draft = new Compensation(id, reference, round, proposal.type(), proposal.amount().amount(),
        proposal.amount().currency(), proposal.reason(), complaint.outcome().resolvedBy(), now,
        complaint.classification().handlerGroup(), now.format(MONTH), null, null, null, null, List.of(),
        BigDecimal.ZERO, false, proposal.amount().amount(), Compensation.Status.AWAITING_APPROVAL, null);
    if (compensations.insert(draft)) {
      complaints.awaitApproval(reference, id);
    }
    BigDecimal granted = compensations.recordGrantedLast90Days(id,
        compensations.grantedToCustomerSince(complaint.customer().id(), now.minus(GRANTED_WINDOW), id));
    return new Registered(get(id), complaint.classification().severity().name(),
        complaint.customer().tier().name(), granted);
  }

  /**
   * Applies the policy's result: reserves the amount in the team's budget for the month and
   * returns the approver groups in order. When the budget cannot hold it, nothing is reserved
   * and finance approves in addition (never silently over budget).
   */
  @Transactional
  public List<String> applyPolicy(String id, int band, String bandName, BigDecimal recommendedMin,
      BigDecimal recommendedMax, List<String> policyApprovers) {
    Compensation c = compensations.lock(id).orElseThrow();
    if (c.band() != null) {
      return c.approverGroups(); // a retried step
    }
    OffsetDateTime now = clock.nowInBusinessZone();
    budgets.ensure(c.team(), c.budgetMonth(), settings.currency(), settings.monthlyBudget(c.team()), now);
    boolean reserved = budgets.reserve(c.team(), c.budgetMonth(), c.amount(), now);
    List<String> approvers = ApprovalChain.withFinanceIfOverBudget(policyApprovers, !reserved);
    compensations.savePolicy(id, band, bandName, recommendedMin, recommendedMax, approvers,
        reserved ? c.amount() : BigDecimal.ZERO, !reserved, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("proposalId", id);
    details.put("band", band);
    details.put("bandName", bandName);
    details.put("recommendedRange", recommendedMin.toPlainString() + "–" + recommendedMax.toPlainString());
    details.put("approvers", approvers);
    details.put("reserved", reserved ? c.amount().toPlainString() : "0");
    details.put("overBudget", !reserved);
    details.put("budget", c.team() + " " + c.budgetMonth());
    details.put("budgetLeft", budgetLeft(c).toPlainString());
    audit.recordDomainChange(c.complaintReference(), "compensation-budget-reserved", details);
    if (approvers.isEmpty()) {
      compensations.updateStatus(id, Compensation.Status.APPROVED, c.amount(), now);
      audit.recordDomainChange(c.complaintReference(), "compensation-decision", Map.of("proposalId", id,
          "decision", "APPROVE", "by", "the handler's own authority (band 0)", "amount", c.amount().toPlainString(),
          "currency", c.currency()));
    }
    return approvers;
  }

  /** The group whose approval comes after {@code decided} steps, if any. */
  public Optional<String> approverAfter(String id, int decided) {
    List<String> chain = get(id).approverGroups();
    return decided < chain.size() ? Optional.of(chain.get(decided)) : Optional.empty();
  }

  /**
   * The next approver's decision. Which step and group it is, and the amount it starts from, come
   * from the database, never from process variables a caller could have sent along. Lowering gives
   * the difference back to the budget; rejecting gives back the whole reservation. Returns the
   * proposal as it stands now.
   */
  @Transactional
  public Compensation decide(String id, String user, Compensation.Verdict verdict, BigDecimal loweredAmount,
      String reason) {
    Compensation c = compensations.lock(id).orElseThrow();
    if (c.status() != Compensation.Status.AWAITING_APPROVAL) {
      throw new ConflictException(409, "Compensation " + id + " is " + c.status() + ", not awaiting approval");
    }
    if (verdict == Compensation.Verdict.LOWER && loweredAmount.compareTo(c.currentAmount()) >= 0) {
      throw new ConflictException(409, "Compensation " + id + " can only be lowered below " + c.currentAmount());
    }
    int step = compensations.decisions(id).size() + 1;
    String approverGroup = c.approverGroups().get(step - 1);
    OffsetDateTime now = clock.nowInBusinessZone();
    BigDecimal after = verdict == Compensation.Verdict.LOWER ? loweredAmount : c.currentAmount();
    BigDecimal reserved = c.reservedAmount();
    Compensation.Status status = c.status();
    if (verdict == Compensation.Verdict.REJECT) {
      budgets.settle(c.team(), c.budgetMonth(), reserved, BigDecimal.ZERO, now);
      reserved = BigDecimal.ZERO;
      status = Compensation.Status.REJECTED;
      after = null;
    } else {
      if (reserved.signum() > 0 && after.compareTo(reserved) < 0) {
        budgets.settle(c.team(), c.budgetMonth(), reserved.subtract(after), BigDecimal.ZERO, now);
        reserved = after;
      }
      if (step >= c.approverGroups().size()) {
        status = Compensation.Status.APPROVED;
      }
    }
    compensations.saveDecision(id, new Compensation.Decision(step, approverGroup, user, verdict, c.currentAmount(),
        after, reason, now), after == null ? c.currentAmount() : after, reserved, status);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("proposalId", id);
    details.put("step", step);
    details.put("approverGroup", approverGroup);
    details.put("decidedBy", user);
    details.put("decision", verdict.name());
    details.put("currency", c.currency());
    details.put("amountBefore", c.currentAmount().toPlainString());
    if (after != null) {
      details.put("amountAfter", after.toPlainString());
    }
    if (reason != null) {
      details.put("reason", reason);
    }
    details.put("budgetReserved", reserved.toPlainString());
    audit.recordDomainChange(c.complaintReference(), "compensation-decision", details);
    return get(id);
  }

  /**
   * The approval was cancelled (an operator cancelled the process): the reservation goes back and
   * the proposal is marked cancelled. Issued compensation stays issued.
   */
  @Transactional
  public void cancel(String id) {
    Compensation c = compensations.lock(id).orElse(null);
    if (c == null || c.status() == Compensation.Status.ISSUED || c.status() == Compensation.Status.CANCELLED) {
      return;
    }
    OffsetDateTime now = clock.nowInBusinessZone();
    budgets.settle(c.team(), c.budgetMonth(), c.reservedAmount(), BigDecimal.ZERO, now);
    compensations.updateStatus(id, Compensation.Status.CANCELLED, BigDecimal.ZERO, now);
    audit.recordDomainChange(c.complaintReference(), "compensation-cancelled", Map.of("proposalId", id,
        "released", c.reservedAmount().toPlainString()));
  }

  /**
   * Issues the approved compensation once: a retried step (after a crash, or a failure after the
   * record was written and rolled back) finds the record and does nothing again. The reservation
   * becomes spending; a refund goes to the payment provider with the proposal id as its key.
   */
  @Transactional
  public Compensation.Issue issue(String id) {
    Compensation c = compensations.lock(id).orElseThrow();
    Optional<Compensation.Issue> existing = compensations.issue(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (c.status() != Compensation.Status.APPROVED) {
      throw new IllegalStateException("Compensation " + id + " is " + c.status() + ", not approved");
    }
    if (!c.overBudget() && c.currentAmount().compareTo(c.reservedAmount()) > 0) {
      throw new IllegalStateException("Compensation " + id + " would spend " + c.currentAmount()
          + " with only " + c.reservedAmount() + " reserved");
    }
    OffsetDateTime now = clock.nowInBusinessZone();
    Complaint complaint = complaints.get(c.complaintReference());
    String code = c.type() == CompensationType.VOUCHER ? voucherCode()
        : c.type().name().replace('_', '-') + "-" + id.replace('/', '-');
    Compensation.Issue issue = new Compensation.Issue(c.type().name(), code, c.currentAmount(), c.currency(), now);
    compensations.insertIssue(id, issue);
    budgets.settle(c.team(), c.budgetMonth(), c.reservedAmount(), c.currentAmount(), now);
    compensations.updateStatus(id, Compensation.Status.ISSUED, BigDecimal.ZERO, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("proposalId", id);
    details.put("type", c.type().name());
    details.put("amount", c.currentAmount().toPlainString());
    details.put("currency", c.currency());
    details.put("code", c.type() == CompensationType.VOUCHER ? "(voucher code, shown to the customer only)" : code);
    details.put("budgetSpent", c.currentAmount().toPlainString());
    if (c.type() == CompensationType.REFUND) {
      // last: when the provider fails, all of this rolls back and the retried step asks again with the same key
      details.put("paymentReference",
          payments.refund(id, complaint.customer().id(), new Money(c.currentAmount(), c.currency())));
    }
    audit.recordDomainChange(c.complaintReference(), "compensation-issued", details);
    return issue;
  }

  private String voucherCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
    }
    return code.toString();
  }

  /** A budget as it stands: the month's figure, reserved, spent, left. */
  public record BudgetView(String team, String month, Money amount, Money reserved, Money spent, Money left) {
  }

  /** Sets a team's budget for a month (an administrator's or finance's decision, audited). */
  @Transactional
  public BudgetView setMonthlyBudget(String team, YearMonth month, BigDecimal amount, String currency) {
    if (!settings.currency().equals(currency)) {
      throw new InvalidRequestException("currency", "must be " + settings.currency() + ", the budgets' currency");
    }
    budgets.setAmount(team, month.format(MONTH), currency, amount, clock.nowInBusinessZone());
    audit.recordDomainChange("budget:" + team + ":" + month.format(MONTH), "compensation-budget-set",
        Map.of("team", team, "month", month.format(MONTH), "amount", amount.toPlainString(), "currency", currency));
    return budget(team, month);
  }

  public BudgetView budget(String team, YearMonth month) {
    BudgetRepository.Budget b = budgets.find(team, month.format(MONTH)).orElseGet(() -> new BudgetRepository.Budget(
        team, month.format(MONTH), settings.currency(), settings.monthlyBudget(team), BigDecimal.ZERO,
        BigDecimal.ZERO));
    return new BudgetView(team, b.month(), new Money(b.amount(), b.currency()), new Money(b.reserved(), b.currency()),
        new Money(b.spent(), b.currency()), new Money(b.left(), b.currency()));
  }

  /** What is left of the proposal's budget month for its team. */
  public BigDecimal budgetLeft(Compensation c) {
    return budgets.find(c.team(), c.budgetMonth()).map(BudgetRepository.Budget::left).orElse(BigDecimal.ZERO);
  }

  public Compensation get(String id) {
    return compensations.find(id).orElseThrow(() -> new IllegalStateException("No compensation " + id));
  }

  public Optional<Compensation> latestOf(String reference) {
    return compensations.latestOf(reference);
  }

  /** Every round's proposal of the complaint, oldest first. */
  public List<Compensation> allOf(String reference) {
    return compensations.allOf(reference);
  }

  public List<Compensation.Decision> decisions(String id) {
    return compensations.decisions(id);
  }

  public Optional<Compensation.Issue> issued(String id) {
    return compensations.issue(id);
  }
}
