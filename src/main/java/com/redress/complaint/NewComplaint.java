package com.redress.complaint;

import com.redress.language.Language;
import com.redress.shared.Money;
import java.time.OffsetDateTime;

/** A validated complaint, ready to be stored; {@code language} is the customer's, for every e-mail to them. */
public record NewComplaint(
    Customer customer,
    Channel channel,
    Category category,
    String subject,
    String description,
    String orderReference,
    Money orderAmount,
    OffsetDateTime occurredAt,
    String recordedBy,
    Language language) {

  public record Customer(String id, String name, String email, String phone, CustomerTier tier) {
  }
}
