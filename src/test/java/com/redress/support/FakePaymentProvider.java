package com.redress.support;

import com.redress.compensation.PaymentProvider;
import com.redress.shared.Money;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The payment provider, the one system outside Redress, faked for every test context (one
 * context for all tests: a second Spring context in the JVM would take over the engine's name).
 * It records what it paid and can be told to fail its next calls.
 */
@TestConfiguration
public class FakePaymentProvider implements PaymentProvider {

  public record Payment(String idempotencyKey, String customerId, Money amount) {
  }

  private final List<Payment> paid = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final Set<String> refusedCustomers = ConcurrentHashMap.newKeySet();

  @Bean
  @Primary
  PaymentProvider paymentProvider() {
    return this;
  }

  @Override
  public String refund(String idempotencyKey, String customerId, Money amount) {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("payment provider timed out");
    }
    if (refusedCustomers.contains(customerId)) {
      throw new IllegalStateException("payment provider refused the refund: account of " + customerId + " is closed");
    }
    // a real provider answers a repeated key with the first payment instead of paying again
    if (paid.stream().noneMatch(p -> p.idempotencyKey().equals(idempotencyKey))) {
      paid.add(new Payment(idempotencyKey, customerId, amount));
    }
    return "PAY-" + idempotencyKey;
  }

  public void failNextCalls(int count) {
    failures.set(count);
  }

  /** Refuses every refund to {@code customerId} until {@link #acceptAgain}. */
  public void refuse(String customerId) {
    refusedCustomers.add(customerId);
  }

  public void acceptAgain(String customerId) {
    refusedCustomers.remove(customerId);
  }

  public List<Payment> paymentsFor(String idempotencyKey) {
    return paid.stream().filter(p -> p.idempotencyKey().equals(idempotencyKey)).toList();
  }
}
