package com.redress.analysis;

import com.redress.shared.DayRange;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** One what-if replay: who asked for what, how far it is, and its report once done. */
public final class WhatIfRun implements DecisionReplay.Progress {

  public enum Status { RUNNING, DONE, FAILED }

  private final String id;
  private final String decision;
  private final DayRange period;
  private final String startedBy;
  private final OffsetDateTime startedAt;
  private final AtomicInteger processed = new AtomicInteger();
  private volatile int total = -1;
  private volatile CompletableFuture<WhatIfReport> result;

  WhatIfRun(String id, String decision, DayRange period, String startedBy, OffsetDateTime startedAt) {
    this.id = id;
    this.decision = decision;
    this.period = period;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  void runAs(CompletableFuture<WhatIfReport> replay) {
    this.result = replay;
  }

  @Override
  public void total(int cases) {
    total = cases;
  }

  @Override
  public void done() {
    processed.incrementAndGet();
  }

  public String id() {
    return id;
  }

  public String decision() {
    return decision;
  }

  public DayRange period() {
    return period;
  }

  public String startedBy() {
    return startedBy;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  public int processed() {
    return processed.get();
  }

  /** The number of cases, or -1 while they are being read. */
  public int total() {
    return total;
  }

  public Status status() {
    if (!result.isDone()) {
      return Status.RUNNING;
    }
    return result.isCompletedExceptionally() ? Status.FAILED : Status.DONE;
  }

  /** The report once done, else null. */
  public WhatIfReport report() {
    return status() == Status.DONE ? result.join() : null;
  }

  /** Why the replay failed, else null. */
  public String error() {
    return status() == Status.FAILED ? result.handle((r, e) -> e.getCause() == null ? e.getMessage()
        : e.getCause().getMessage()).join() : null;
  }

  /** Blocks until the replay ends or {@code seconds} pass, whichever is first (clients that would rather not poll). */
  void awaitUpTo(int seconds) {
    try {
      result.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still running, or failed: the status says which
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
