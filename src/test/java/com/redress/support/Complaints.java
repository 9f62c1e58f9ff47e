package com.redress.support;

import com.redress.complaint.Category;
import com.redress.complaint.Channel;
import com.redress.complaint.CustomerTier;
import com.redress.complaint.NewComplaint;
import com.redress.language.Language;
import com.redress.shared.Money;
import java.math.BigDecimal;
import java.util.UUID;

/** Validated complaints for process tests that start through the service, not HTTP. */
public final class Complaints {

  private Complaints() {
  }

  public static NewComplaint of(Category category, CustomerTier tier) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return of("C-" + unique, "ORD-" + unique, category, tier, "Something went wrong");
  }

  public static NewComplaint of(String customerId, String order, Category category, CustomerTier tier, String subject) {
    return new NewComplaint(
        new NewComplaint.Customer(customerId, "Li Wei", customerId.toLowerCase() + "@example.com", null, tier),
        Channel.WEB, category, subject, "A description long enough to read.", order,
        new Money(new BigDecimal("800.00"), "CNY"), null, null, Language.EN);
  }
}
