package com.redress.compensation;

import com.redress.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until a payment provider is connected, refunds are paid by finance by hand: the refund record
 * (compensation_issue, kind REFUND) is their instruction and its code the reference they quote.
 * A provider's client replaces this bean (mark it {@code @Primary}).
 */
@Configuration
class ManualRefunds {

  private static final Logger LOG = LoggerFactory.getLogger(ManualRefunds.class);

  @Bean
  PaymentProvider manualRefundProvider() {
    return (idempotencyKey, customerId, amount) -> {
      LOG.info("Refund {} {} to customer {} recorded for finance to pay ({})", amount.amount().toPlainString(),
          amount.currency(), customerId, idempotencyKey);
      return "MANUAL-" + idempotencyKey;
    };
  }
}
