package com.redress.analysis;

import com.redress.language.Phrase;
import com.redress.shared.AppClock;
import com.redress.shared.ConflictException;
import com.redress.shared.DayRange;
import com.redress.shared.DeployedDecisions;
import com.redress.shared.FeelOnlyDecisions;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.RequestSizeLimitFilter;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Service;

/**
 * Replays an uploaded decision on past complaints, one replay at a time in the background so a
 * long period reports its progress. Reads only: the uploaded file is never deployed and nothing in
 * the live system changes. The last runs are kept in memory for their page.
 */
@Service
public class WhatIfService {

  /** As every /api body: 2.5 times the largest decision Redress ships. */
  static final long MAX_FILE_BYTES = RequestSizeLimitFilter.MAX_BODY_BYTES;
  /** Finished runs kept for their page; running ones are always kept. */
  private static final int KEPT_RUNS = 20;
  /** Replays run one after another; more than this waiting is someone holding the button down. */
  private static final int MAX_UNFINISHED = 3;

  private final List<DecisionReplay> replays;
  private final DeployedDecisions decisions;
  private final AppClock clock;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "what-if");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, WhatIfRun> runs = new LinkedHashMap<>();

  WhatIfService(List<DecisionReplay> replays, DeployedDecisions decisions, AppClock clock) {
    this.replays = replays;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** Starts replaying; a file that is not a readable DMN with a replayable decision is a 400 on field {@code decision}. */
  public WhatIfRun start(byte[] file, DayRange period, String user) {
    Map<String, DmnDecision> uploaded = parse(file);
    DecisionReplay replay = replays.stream().filter(r -> uploaded.containsKey(r.decisionKey())).findFirst()
        .orElseThrow(() -> new InvalidRequestException(List.of(FieldProblem.of("decision", Phrase.DMN_MISSING_DECISION,
            String.join(" or ", replays.stream().map(DecisionReplay::decisionKey).sorted().toList()),
            uploaded.keySet()))));
    WhatIfRun run = new WhatIfRun(UUID.randomUUID().toString(), replay.decisionKey(), period, user,
        clock.nowInBusinessZone());
    synchronized (runs) {
      if (runs.values().stream().filter(r -> r.snapshot().status() == WhatIfRun.Status.RUNNING).count() >= MAX_UNFINISHED) {
        throw new ConflictException(429, Phrase.REPLAYS_BUSY.with(MAX_UNFINISHED));
      }
      runs.put(run.id(), run);
      forgetOldFinishedRuns();
    }
    run.run(() -> replay.replay(uploaded, period, run), executor);
    return run;
  }

  public Optional<WhatIfRun> find(String id) {
    synchronized (runs) {
      return Optional.ofNullable(runs.get(id));
    }
  }

  /** The kept runs, newest first. */
  public List<WhatIfRun> recent() {
    synchronized (runs) {
      List<WhatIfRun> list = new ArrayList<>(runs.values());
      Collections.reverse(list);
      return list;
    }
  }

  private void forgetOldFinishedRuns() {
    List<String> finished = runs.values().stream().filter(r -> r.snapshot().status() != WhatIfRun.Status.RUNNING)
        .map(WhatIfRun::id).toList();
    finished.subList(0, Math.max(0, finished.size() - KEPT_RUNS)).forEach(runs::remove);
  }

  private Map<String, DmnDecision> parse(byte[] file) {
    if (file.length > MAX_FILE_BYTES) {
      throw new InvalidRequestException(List.of(FieldProblem.of("decision", Phrase.DMN_TOO_LARGE, MAX_FILE_BYTES)));
    }
    try {
      DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(file));
      List<FeelOnlyDecisions.ForeignLanguage> foreign =
          FeelOnlyDecisions.foreignLanguages(model.getDocument().getDomSource().getNode());
      if (!foreign.isEmpty()) {
        throw new InvalidRequestException(List.of(FieldProblem.of("decision", Phrase.DMN_FEEL_ONLY,
            foreign.get(0).elementId(), foreign.get(0).language())));
      }
      Map<String, DmnDecision> byKey = new LinkedHashMap<>();
      decisions.engine().parseDecisions(model).forEach(d -> byKey.put(d.getKey(), d));
      return byKey;
    } catch (InvalidRequestException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidRequestException(List.of(FieldProblem.of("decision", Phrase.DMN_UNREADABLE, e.getMessage())));
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
