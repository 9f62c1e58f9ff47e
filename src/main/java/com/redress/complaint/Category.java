package com.redress.complaint;

/** What the complaint is about. */
public enum Category {
  SERVICE_QUALITY, DELAY, STAFF_BEHAVIOUR, BILLING, DAMAGE, SAFETY, OTHER
}
