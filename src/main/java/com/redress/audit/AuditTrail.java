package com.redress.audit;

import com.redress.shared.AppClock;
import com.redress.shared.PersonalData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.datasource.ConnectionHolder;
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

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  private final AuditWriter writer;
  private final IdentityService identityService;
  private final AppClock clock;

  private final DataSource dataSource;
  private final TransactionTemplate ownTransaction;
  private final PersonalDataKeys keys;

  AuditTrail(AuditWriter writer, @Lazy IdentityService identityService, AppClock clock, DataSource dataSource,
      PlatformTransactionManager transactions, PersonalDataKeys keys) {
    this.writer = writer;
    this.keys = keys;
    this.identityService = identityService;
    this.clock = clock;
    this.dataSource = dataSource;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A Redress domain change (complaint status, compensation, award…) on the given chain. */
  public void recordDomainChange(String chainKey, String type, Map<String, Object> details) {
    record(new AuditEvent(chainKey, null, clock.now(), AuditEvent.Source.DOMAIN, type, currentUser(), null, null,
        details));
  }

  /**
   * A refusal (four-eyes, engine allow-list): the refused work rolls back, so its evidence is
   * written at once in a transaction of its own. The chain is {@code chainKey}, or else the case
   * of {@code rootProcessInstanceId}. A database out of reach is logged, not thrown: the refusal
   * stands either way.
   */
  public void recordRefusal(String chainKey, String rootProcessInstanceId, String type, Map<String, Object> details) {
    AuditEvent event = new AuditEvent(chainKey, rootProcessInstanceId, clock.now(), AuditEvent.Source.DOMAIN, type,
        currentUser(), null, null, details);
    try {
      ownTransaction.executeWithoutResult(tx -> writer.append(List.of(event)));
    } catch (DataAccessException | TransactionException databaseOutOfReach) {
      LOG.warn("The refusal could not be recorded in the audit trail: {}", databaseOutOfReach.toString());
    }
  }

  /** The one field of a sealed value in an event's details. */
  static final String SEALED = "sealed";

  /**
   * A customer's personal data (their own words, their address) for the details of an event on
   * {@code chainKey}, sealed under the chain's key: erasure destroys the key and leaves the event and
   * its hash as they are (docs/adr/0017). Timelines show the text opened, or as erased; once the
   * chain's data was erased, nothing is kept but {@link PersonalData#ERASED}.
   */
  public Object sealed(String chainKey, String text) {
    return keys.seal(chainKey, text).<Object>map(sealed -> Map.of(SEALED, sealed)).orElse(PersonalData.ERASED);
  }

  /** The type of a read of a customer's personal data by a member of staff. */
  public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";
  private static final String READS_CHAIN = "reads:";

  /** One customer's data shown to the signed-in member of staff: in which complaint (null: none), how much of it. */
  public record PersonalDataRead(String customerId, String complaint, String shown) {
  }

  /** The chain of a customer's access log: who read their personal data, when, through what. */
  public static String readsChain(String customerId) {
    return READS_CHAIN + customerId;
  }

  /**
   * Reads of customers' personal data by the member of staff {@code reader} through {@code endpoint},
   * each on its customer's access chain, apart from the cases' stories so that a list page does not
   * grow every case's chain (docs/security.md §3). Written before the data is answered, in a
   * transaction of its own: a read that cannot be recorded is not answered.
   */
  public void recordReads(String reader, String endpoint, List<PersonalDataRead> reads) {
    if (reads.isEmpty()) {
      return;
    }
    ownTransaction.executeWithoutResult(tx -> writer.append(reads.stream()
        .map(read -> new AuditEvent(readsChain(read.customerId()), null, clock.now(), AuditEvent.Source.DOMAIN,
            PERSONAL_DATA_READ, reader, null, null, readDetails(read, endpoint)))
        .toList()));
  }

  private static Map<String, Object> readDetails(PersonalDataRead read, String endpoint) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (read.complaint() != null) {
      details.put("complaint", read.complaint());
    }
    details.put("endpoint", endpoint);
    details.put("shown", read.shown());
    return details;
  }

  void record(AuditEvent event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Audit events must be recorded inside a transaction: " + event.type());
    }
    Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(this);
    if (buffer != null && (buffer.completing
        || !TransactionSynchronizationManager.getSynchronizations().contains(buffer))) {
      // its transaction is past its commit: what is recorded now belongs to work after it
      TransactionSynchronizationManager.unbindResource(this);
      buffer = null;
    }
    if (buffer != null && buffer.written) {
      // recorded by another synchronization's beforeCommit, after this buffer was written
      writer.append(List.of(event));
      return;
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
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private final class Buffer implements TransactionSynchronization {

    private final List<AuditEvent> events = new ArrayList<>();
    private boolean written;
    private boolean completing;

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

    // Camunda's history cleanup reschedules itself in a REQUIRES_NEW transaction after the
    // commit; when that ends, Spring resumes this buffer, which must then stay unbound
    @Override
    public void resume() {
      if (!completing) {
        TransactionSynchronizationManager.bindResource(AuditTrail.this, this);
      }
    }

    // unbound before any afterCompletion callback may start the next transaction on this thread
    @Override
    public void beforeCompletion() {
      completing = true;
      TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
    }

    /**
     * Work run after a commit that joins the finished transaction (Spring lets it; its changes
     * reach the database when the connection returns to auto-commit) gets a buffer no commit
     * callback reaches. Its events are written in a transaction of their own, unless that work
     * failed and marked the transaction rollback-only.
     */
    @Override
    public void afterCompletion(int status) {
      if (TransactionSynchronizationManager.getResource(AuditTrail.this) == this) {
        TransactionSynchronizationManager.unbindResource(AuditTrail.this);
      }
      if (status == STATUS_COMMITTED && !written && !events.isEmpty() && !joinedWorkFailed()) {
        ownTransaction.executeWithoutResult(tx -> writer.append(events));
        written = true;
      }
    }

    private boolean joinedWorkFailed() {
      return TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
          && holder.isRollbackOnly();
    }
  }
}
