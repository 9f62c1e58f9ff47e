package com.redress.award;

import com.redress.shared.Money;

/**
 * One award a nominee is to receive; honours have no cash (0). PROPOSED by AwardTier, then APPROVED
 * by the committee, or CUT with the member's reason.
 */
public record AwardItem(String handler, String award, String title, Money cash, String status, String cutReason,
    String cutBy) {

  static AwardItem proposed(String handler, String award, String title, Money cash) {
    return new AwardItem(handler, award, title, cash, "PROPOSED", null, null);
  }
}
