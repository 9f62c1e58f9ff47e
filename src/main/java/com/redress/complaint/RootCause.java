package com.redress.complaint;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Why the customer had to complain, as the handler found it; each category allows its own list. */
public enum RootCause {
  STAFF_ERROR, PROCESS_GAP, SUPPLIER_ISSUE, SYSTEM_FAILURE, PRODUCT_DEFECT, CUSTOMER_MISUNDERSTANDING, EXTERNAL_FACTOR,
  NO_FAULT_FOUND;

  private static final Map<Category, Set<RootCause>> BY_CATEGORY = Map.of(
      Category.SERVICE_QUALITY, EnumSet.of(STAFF_ERROR, PROCESS_GAP, SUPPLIER_ISSUE, SYSTEM_FAILURE,
          CUSTOMER_MISUNDERSTANDING, NO_FAULT_FOUND),
      Category.DELAY, EnumSet.of(STAFF_ERROR, PROCESS_GAP, SUPPLIER_ISSUE, SYSTEM_FAILURE, EXTERNAL_FACTOR,
          NO_FAULT_FOUND),
      Category.STAFF_BEHAVIOUR, EnumSet.of(STAFF_ERROR, PROCESS_GAP, CUSTOMER_MISUNDERSTANDING, NO_FAULT_FOUND),
      Category.BILLING, EnumSet.of(STAFF_ERROR, PROCESS_GAP, SYSTEM_FAILURE, CUSTOMER_MISUNDERSTANDING, NO_FAULT_FOUND),
      Category.DAMAGE, EnumSet.of(STAFF_ERROR, SUPPLIER_ISSUE, PRODUCT_DEFECT, EXTERNAL_FACTOR, NO_FAULT_FOUND),
      Category.SAFETY, EnumSet.of(STAFF_ERROR, PROCESS_GAP, SUPPLIER_ISSUE, PRODUCT_DEFECT, NO_FAULT_FOUND),
      Category.OTHER, EnumSet.allOf(RootCause.class));

  public static Set<RootCause> allowedFor(Category category) {
    return BY_CATEGORY.get(category);
  }
}
