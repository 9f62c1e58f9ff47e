package com.redress.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A customer whose name, address, number and words no other test uses: searched for in database dumps. */
public record UniqueCustomer(String run, String id, String name, String email, String phone, String description) {

  public static UniqueCustomer create() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String digits = String.valueOf(10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000));
    return new UniqueCustomer(run, "C-" + run, "Gao Yan " + run, "gao.yan." + run + "@example.com",
        "+86 137 " + digits.substring(0, 4) + " " + digits.substring(4),
        "Left the door open at 12 Lotus Road (" + run + ").");
  }

  /** A web complaint by this customer, for POST /api/complaints. */
  public String json() {
    return """
        {"customer": {"id": "%s", "name": "%s", "email": "%s", "phone": "%s", "tier": "PLATINUM"},
         "channel": "WEB", "category": "DAMAGE", "subject": "Vase broken", "description": "%s",
         "orderReference": "ORD-%s", "orderAmount": {"amount": "800.00", "currency": "CNY"}}
        """.formatted(id, name, email, phone, description, run);
  }
}
