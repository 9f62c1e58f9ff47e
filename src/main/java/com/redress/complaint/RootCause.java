package com.redress.complaint;

/** Why the customer had to complain, as the handler found it. */
public enum RootCause {
  STAFF_ERROR, PROCESS_GAP, SUPPLIER_ISSUE, SYSTEM_FAILURE, PRODUCT_DEFECT, CUSTOMER_MISUNDERSTANDING, EXTERNAL_FACTOR, NO_FAULT_FOUND
}
