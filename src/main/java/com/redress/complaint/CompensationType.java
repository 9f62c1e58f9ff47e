package com.redress.complaint;

/** What a handler may propose to make good a complaint. */
public enum CompensationType {
  NONE, REFUND, VOUCHER, DISCOUNT, FREE_SERVICE, REPLACEMENT
}
