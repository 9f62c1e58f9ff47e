package com.redress.complaint;

/** What the handler does with the handling task: resolve the complaint, or first ask the customer. */
public enum HandlingAction {
  RESOLVE, ASK_CUSTOMER
}
