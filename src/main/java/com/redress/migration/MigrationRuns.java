package com.redress.migration;

import com.redress.shared.AppClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Migrations started from the page run here, one after another on a thread of their own, so the
 * analyst watches a run of thousands of instances make progress instead of waiting on one request.
 * An instance that another run (or the API) moved meanwhile is passed over. The last {@value #KEPT}
 * finished runs are kept in memory (a restart forgets them; the audit trail keeps what they did).
 * When the application stops, a run ends after the instance in hand and records what it moved,
 * before the engine closes (lifecycles stop before beans are destroyed).
 */
@Component
class MigrationRuns implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationRuns.class);
  static final int KEPT = 20;
  /** One instance's move takes well under a second. */
  private static final Duration STOPS_WITHIN = Duration.ofSeconds(30);

  /** One run: its progress while it runs, then its report or why it stopped. */
  static final class Run {
    private final String id = UUID.randomUUID().toString();
    private final MigrationRequest request;
    private final String analyst;
    private final OffsetDateTime startedAt;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int tried;
    private volatile int total;
    private volatile MigrationReport report;
    private volatile String error;

    Run(MigrationService.Prepared prepared, OffsetDateTime startedAt) {
      this.startedAt = startedAt;
      this.request = prepared.request();
      this.analyst = prepared.analyst();
      this.total = prepared.running().size();
    }

    public String id() {
      return id;
    }

    public MigrationRequest request() {
      return request;
    }

    public String analyst() {
      return analyst;
    }

    public OffsetDateTime startedAt() {
      return startedAt;
    }

    public int tried() {
      return tried;
    }

    public int total() {
      return total;
    }

    public MigrationReport report() {
      return report;
    }

    public String error() {
      return error;
    }

    public boolean running() {
      return finished.getCount() > 0;
    }

    /** Waits at most {@code seconds} for the run to end, for callers that would rather not poll. */
    void awaitUpTo(int seconds) {
      try {
        finished.await(seconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final MigrationService migrations;
  private final AppClock clock;
  private final ExecutorService oneAtATime = Executors.newSingleThreadExecutor(work -> {
    Thread thread = new Thread(work, "migrations");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private volatile boolean stopping;
  private volatile boolean running;

  MigrationRuns(MigrationService migrations, AppClock clock) {
    this.migrations = migrations;
    this.clock = clock;
  }

  Run start(MigrationService.Prepared prepared) {
    Run run = new Run(prepared, clock.nowInBusinessZone());
    oneAtATime.execute(() -> {
      try {
        run.report = migrations.run(prepared, (tried, total) -> {
          run.tried = tried;
          run.total = total;
          if (stopping) {
            throw new CancellationException("the application stopped");
          }
        });
      } catch (RuntimeException | Error e) {
        run.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        LOG.warn("Migration run {} stopped after {} of {} instances: {}", run.id(), run.tried, run.total, run.error);
      } finally {
        run.finished.countDown();
      }
    });
    synchronized (runs) {
      runs.put(run.id(), run);
      // the oldest finished runs make room; one queued or under way stays until it ends
      runs.values().removeIf(kept -> runs.size() > KEPT && !kept.running());
    }
    return run;
  }

  Optional<Run> find(String id) {
    synchronized (runs) {
      return Optional.ofNullable(runs.get(id));
    }
  }

  @Override
  public void start() {
    running = true;
  }

  /** A run under way finishes the instance in hand (its own transaction), records itself and stops. */
  @Override
  public void stop() {
    running = false;
    stopping = true;
    oneAtATime.shutdown();
    try {
      if (!oneAtATime.awaitTermination(STOPS_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
        LOG.warn("A migration run was still under way when the application stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
