package com.redress.compensation;

import com.redress.shared.Money;

/**
 * The payment provider that pays refunds: outside Redress. Calls carry the proposal id as
 * idempotency key, so a retried issue step never pays twice.
 */
public interface PaymentProvider {

  /** Returns the provider's reference of the refund. */
  String refund(String idempotencyKey, String customerId, Money amount);
}
