package com.redress.shared;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Runs a transaction that correlates a message with a process instance again when a job (on
 * another thread or node) changed the same instance meanwhile. The engine then refuses the
 * correlation and rolls it back: with an OptimisticLockingException, with ENGINE-03077 when the
 * execution it loaded lost its parent (a parallel branch ended and the tree was pruned), or the
 * database ends one of the two as a deadlock victim (SQL state class 40). Nothing of the failed
 * attempt is kept, so trying again is safe.
 */
public final class ConcurrentModifications {

  private static final int ATTEMPTS = 3;
  /** The engine's code for "Cannot resolve parent … of execution …, perhaps it was deleted in the meantime". */
  private static final String PARENT_DELETED = "ENGINE-03077";
  /** SQL state class "transaction rollback": serialization failure, deadlock. */
  private static final String ROLLED_BACK = "40";

  private ConcurrentModifications() {
  }

  public static <T> T retry(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (ProcessEngineException e) {
        if (attempt == ATTEMPTS || !isConcurrentModification(e)) {
          throw e;
        }
      }
    }
  }

  public static void retry(Runnable transaction) {
    retry(() -> {
      transaction.run();
      return null;
    });
  }

  static boolean isConcurrentModification(ProcessEngineException e) {
    if (e instanceof OptimisticLockingException || e.getMessage() != null && e.getMessage().startsWith(PARENT_DELETED)) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(ROLLED_BACK)) {
        return true;
      }
    }
    return false;
  }
}
