package com.redress.audit;

import com.redress.shared.AppClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects audit events in the current transaction and chains and writes them just before it
 * commits: a rolled-back step leaves no audit row, a committed one leaves all of its rows.
 */
@Service
public class AuditTrail {

  private final AuditWriter writer;
  private final IdentityService identityService;
  private final AppClock clock;

  AuditTrail(AuditWriter writer, @Lazy IdentityService identityService, AppClock clock) {
    this.writer = writer;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** A Redress domain change (complaint status, compensation, award…) on the given chain. */
  public void recordDomainChange(String chainKey, String type, Map<String, Object> details) {
    record(new AuditEvent(chainKey, null, clock.now(), AuditEvent.Source.DOMAIN, type, currentUser(), null, null,
        details));
  }

  void record(AuditEvent event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Audit events must be recorded inside a transaction: " + event.type());
    }
    Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(this);
    if (buffer == null) {
      buffer = new Buffer();
      TransactionSynchronizationManager.bindResource(this, buffer);
      TransactionSynchronizationManager.registerSynchronization(buffer);
    }
    buffer.events.add(event);
  }

  /** The engine's authenticated user, else the API caller's Camunda identity; null for customers and the system. */
  String currentUser() {
    if (Context.getCommandContext() != null) {
      // inside the engine (also while it boots, before the identity service bean exists)
      return Context.getCommandContext().getAuthenticatedUserId();
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private final class Buffer implements TransactionSynchronization {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      writer.append(events);
    }

    // a REQUIRES_NEW transaction gets its own buffer: the outer one steps aside while it runs
    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(AuditTrail.this, this);
    }

    // unbound before any afterCompletion callback may start the next transaction on this thread
    @Override
    public void beforeCompletion() {
      TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
    }
  }
}
