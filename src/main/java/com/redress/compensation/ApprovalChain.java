package com.redress.compensation;

import com.redress.identity.Groups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Who approves a compensation, in order: from the policy's decisions and the budget. */
public final class ApprovalChain {

  /** CompensationPolicy's outputs and CompensationApprovers' input and outputs. */
  public static final String BAND = "band";
  public static final String BAND_NAME = "bandName";
  public static final String RECOMMENDED_MIN = "recommendedMin";
  public static final String RECOMMENDED_MAX = "recommendedMax";
  public static final String APPROVER_GROUP = "approverGroup";
  public static final String STEP = "step";

  private ApprovalChain() {
  }

  /** The groups of CompensationApprovers' result rows, in step order. */
  public static List<String> of(List<Map<String, Object>> approverRows) {
    return approverRows.stream()
        .sorted(Comparator.comparing(row -> ((Number) row.get(STEP)).intValue()))
        .map(row -> (String) row.get(APPROVER_GROUP)).toList();
  }

  /** When the budget cannot hold the amount, finance approves in addition (never silently over budget). */
  public static List<String> withFinanceIfOverBudget(List<String> chain, boolean overBudget) {
    List<String> approvers = new ArrayList<>(chain);
    if (overBudget && !approvers.contains(Groups.FINANCE)) {
      approvers.add(Groups.FINANCE);
    }
    return approvers;
  }
}
