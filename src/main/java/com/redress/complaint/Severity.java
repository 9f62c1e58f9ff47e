package com.redress.complaint;

/** How bad the complaint is, decided by ComplaintClassification or a dispatcher. */
public enum Severity {
  LOW, MEDIUM, HIGH, CRITICAL
}
