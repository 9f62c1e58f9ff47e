package com.redress.complaint;

import com.redress.shared.Money;
import java.time.OffsetDateTime;

/** A validated complaint, ready to be stored. */
public record NewComplaint(
    Customer customer,
    Channel channel,
    Category category,
    String subject,
    String description,
    String orderReference,
    Money orderAmount,
    OffsetDateTime occurredAt,
    String recordedBy) {

  public record Customer(String id, String name, String email, String phone, CustomerTier tier) {
  }
}
