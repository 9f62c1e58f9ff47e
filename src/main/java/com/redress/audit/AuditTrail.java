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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects audit events in the current transaction and chains and writes them just before it
 * commits: a rolled-back step leaves no audit row, a committed one leaves all of its rows.
 */
@Service
public class AuditTrail {

  private final AuditWriter writer;
  private final IdentityService identityService;
  private final AppClock clock;

  private final TransactionTemplate ownTransaction;

  AuditTrail(AuditWriter writer, @Lazy IdentityService identityService, AppClock clock,
      PlatformTransactionManager transactions) {
    this.writer = writer;
    this.identityService = identityService;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
    if (buffer != null && !TransactionSynchronizationManager.getSynchronizations().contains(buffer)) {
      // left bound by work that ran after its transaction's commit (see Buffer.afterCompletion)
      TransactionSynchronizationManager.unbindResource(this);
      buffer = null;
    }
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
    private boolean written;

    @Override
    public void beforeCommit(boolean readOnly) {
      writer.append(events);
      written = true;
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

    /**
     * Engine work that runs once its transaction has committed (Camunda's history cleanup
     * reschedules itself so) joins that finished transaction: its changes reach the database when
     * the connection returns to auto-commit, but no commit callback runs for what it recorded.
     * Those events are written in a transaction of their own.
     */
    @Override
    public void afterCompletion(int status) {
      if (TransactionSynchronizationManager.getResource(AuditTrail.this) == this) {
        TransactionSynchronizationManager.unbindResource(AuditTrail.this);
      }
      if (status == STATUS_COMMITTED && !written && !events.isEmpty()) {
        ownTransaction.executeWithoutResult(tx -> writer.append(events));
        written = true;
      }
    }
  }
}
