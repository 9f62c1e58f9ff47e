package com.redress.complaint;

/**
 * The body of {@code POST /api/complaints} exactly as received: every field a string so that
 * a wrong enumeration value or amount is reported by name instead of failing the whole parse.
 */
public record ComplaintSubmission(
    CustomerInput customer,
    String channel,
    String category,
    String subject,
    String description,
    String orderReference,
    MoneyInput orderAmount,
    String occurredAt) {

  public record CustomerInput(String id, String name, String email, String phone, String tier) {
  }

  public record MoneyInput(String amount, String currency) {
  }
}
