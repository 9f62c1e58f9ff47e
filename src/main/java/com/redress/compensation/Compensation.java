package com.redress.compensation;

import com.redress.complaint.CompensationType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A proposed compensation and where its approval stands; amounts in {@code currency}. */
public record Compensation(
    String id,
    String complaintReference,
    int round,
    CompensationType type,
    BigDecimal amount,
    String currency,
    String reason,
    String proposedBy,
    OffsetDateTime proposedAt,
    String team,
    String budgetMonth,
    Integer band,
    String bandName,
    BigDecimal recommendedMin,
    BigDecimal recommendedMax,
    List<String> approverGroups,
    BigDecimal reservedAmount,
    boolean overBudget,
    BigDecimal currentAmount,
    Status status,
    OffsetDateTime decidedAt) {

  public enum Status { AWAITING_APPROVAL, APPROVED, REJECTED, ISSUED, CANCELLED }

  /** One approver's decision. */
  public record Decision(int step, String approverGroup, String decidedBy, Verdict verdict, BigDecimal amountBefore,
      BigDecimal amountAfter, String reason, OffsetDateTime decidedAt) {
  }

  public enum Verdict { APPROVE, LOWER, REJECT }

  /** What the customer got: a voucher code, a refund or booking reference. */
  public record Issue(String kind, String code, BigDecimal amount, String currency, OffsetDateTime issuedAt) {
  }
}
