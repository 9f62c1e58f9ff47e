package com.redress.complaint;

/** The customer's loyalty tier; higher tiers get tighter SLAs. */
public enum CustomerTier {
  STANDARD, SILVER, GOLD, PLATINUM
}
