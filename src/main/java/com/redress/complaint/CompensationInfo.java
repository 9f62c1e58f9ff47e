package com.redress.complaint;

import com.redress.shared.Money;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What the compensation feature tells the complaint's views, e-mails and pages about the
 * complaint's latest compensation. Implemented by the compensation package, which depends on
 * this one, not the other way round.
 */
public interface CompensationInfo {

  Optional<Summary> latest(String reference);

  /** Every round's compensation of the complaint, oldest first (a reopened complaint may have several). */
  List<Summary> all(String reference);

  /**
   * {@code state}: AWAITING_APPROVAL, APPROVED, REJECTED or ISSUED; {@code granted} is the amount
   * as it stands (lowered or not); {@code reason} the handler's for proposing it; {@code issueCode} a
   * voucher code or refund/booking reference.
   */
  record Summary(String proposalId, CompensationType type, Money proposed, Money granted, String reason, String state,
      String issueCode, OffsetDateTime issuedAt, String band, List<String> approvers, boolean overBudget,
      List<Decision> decisions) {
  }

  record Decision(int step, String approverGroup, String decidedBy, String decision, Money amountAfter, String reason,
      OffsetDateTime decidedAt) {
  }
}
