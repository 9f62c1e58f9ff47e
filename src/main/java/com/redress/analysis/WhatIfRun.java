package com.redress.analysis;

import com.redress.shared.DayRange;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** One what-if replay: who asked for what, how far it is, and its report once done. */
public final class WhatIfRun implements DecisionReplay.Progress {

  public enum Status { RUNNING, DONE, FAILED }

  /** The run at one moment: status, progress and result agree with each other. */
  public record Snapshot(Status status, int processed, int total, WhatIfReport report, String error) {
  }

  private final String id;
  private final String decision;
  private final DayRange period;
  private final String startedBy;
  private final OffsetDateTime startedAt;
  private final AtomicInteger processed = new AtomicInteger();
  private volatile int total = -1;
  private final CompletableFuture<WhatIfReport> result = new CompletableFuture<>();

  WhatIfRun(String id, String decision, DayRange period, String startedBy, OffsetDateTime startedAt) {
    this.id = id;
    this.decision = decision;
    this.period = period;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  void run(Supplier<WhatIfReport> replay, Executor executor) {
    CompletableFuture.supplyAsync(replay, executor).whenComplete((report, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure instanceof CompletionException c && c.getCause() != null
            ? c.getCause() : failure);
      } else {
        result.complete(report);
      }
    });
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

  public Snapshot snapshot() {
    if (!result.isDone()) {
      return new Snapshot(Status.RUNNING, processed.get(), total, null, null);
    }
    return result.handle((report, failure) -> failure == null
        ? new Snapshot(Status.DONE, processed.get(), total, report, null)
        : new Snapshot(Status.FAILED, processed.get(), total, null, String.valueOf(failure.getMessage()))).join();
  }

  /** Blocks until the replay ends or {@code seconds} pass, whichever is first (clients that would rather not poll). */
  void awaitUpTo(int seconds) {
    try {
      result.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still running, or failed: the snapshot says which
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
