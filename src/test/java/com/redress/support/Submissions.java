package com.redress.support;

import java.util.UUID;

/** Complaint bodies for API tests: valid by default, with unique customer and order. */
public final class Submissions {

  private Submissions() {
  }

  public static String valid(String category, String tier) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return body("C-" + unique, "ORD-" + unique, category, tier, "Vase broken during cleaning");
  }

  public static String body(String customerId, String orderReference, String category, String tier, String subject) {
    return """
        {
          "customer": {"id": "%s", "name": "Li Wei", "email": "li.wei@example.com",
                       "phone": "+86 138 0000 0000", "tier": "%s"},
          "channel": "WEB",
          "category": "%s",
          "subject": "%s",
          "description": "The cleaner knocked over the vase in the living room.",
          "orderReference": "%s",
          "orderAmount": {"amount": "800.00", "currency": "CNY"},
          "occurredAt": "2026-11-20T10:15:00+08:00"
        }
        """.formatted(customerId, tier, category, subject, orderReference);
  }
}
