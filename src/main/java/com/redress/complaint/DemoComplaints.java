package com.redress.complaint;

import com.redress.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile only: a few complaints in flight on first start, so every team's Tasklist has work. */
@Component
@Profile("demo")
class DemoComplaints {

  private static final Logger LOG = LoggerFactory.getLogger(DemoComplaints.class);

  private final ComplaintService complaints;

  DemoComplaints(ComplaintService complaints) {
    this.complaints = complaints;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  public void seed() {
    if (!complaints.isEmpty()) {
      return;
    }
    List<NewComplaint> samples = List.of(
        sample("C-1001", "Li Wei", "li.wei@example.com", CustomerTier.GOLD, Channel.WEB, Category.DAMAGE,
            "Vase broken during cleaning", "The cleaner knocked over a Ming-style vase in the living room.",
            "ORD-88231", "800.00"),
        sample("C-1002", "Zhang Min", "zhang.min@example.com", CustomerTier.STANDARD, Channel.PHONE, Category.BILLING,
            "Charged twice for October", "My card was debited twice for the October subscription.", "ORD-90114",
            "129.00"),
        sample("C-1003", "Wang Fang", "wang.fang@example.com", CustomerTier.PLATINUM, Channel.EMAIL, Category.SAFETY,
            "Exposed wiring left after repair", "The technician left a socket open with live wires near my kids' room.",
            "ORD-77120", "450.00"),
        sample("C-1004", "Chen Jie", null, CustomerTier.SILVER, Channel.SOCIAL_MEDIA, Category.OTHER,
            "Unhappy with your new app", "Since the update I cannot find my past orders anywhere.", null, null),
        sample("C-1005", "Liu Yang", "liu.yang@example.com", CustomerTier.STANDARD, Channel.WEB, Category.DELAY,
            "Parcel three days late", "The parcel promised for Monday arrived on Thursday.", "ORD-91002", "59.90"));
    samples.forEach(sample -> complaints.submit(sample, null, null));
    LOG.info("Demo: {} sample complaints started", samples.size());
  }

  private static NewComplaint sample(String customerId, String name, String email, CustomerTier tier, Channel channel,
      Category category, String subject, String description, String order, String amount) {
    return new NewComplaint(new NewComplaint.Customer(customerId, name, email, null, tier), channel, category,
        subject, description, order, amount == null ? null : new Money(new BigDecimal(amount), "CNY"), null, null);
  }
}
