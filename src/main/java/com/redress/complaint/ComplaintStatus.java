package com.redress.complaint;

import java.util.EnumSet;
import java.util.Set;

/** Where a complaint is in its life (docs/api.md). */
public enum ComplaintStatus {
  RECEIVED, TRIAGE, IN_PROGRESS, WAITING_FOR_CUSTOMER, ESCALATED, AWAITING_APPROVAL, RESOLVED, AWAITING_FEEDBACK,
  REOPENED, CLOSED, DUPLICATE;

  /** Statuses in which a second complaint about the same order is a duplicate of this one. */
  public static final Set<ComplaintStatus> OPEN =
      EnumSet.of(RECEIVED, TRIAGE, IN_PROGRESS, WAITING_FOR_CUSTOMER, ESCALATED, AWAITING_APPROVAL, REOPENED);
}
