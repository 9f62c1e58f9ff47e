package com.redress.analysis;

import com.redress.language.Phrase;
import com.redress.shared.DayRange;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/analysis/what-if} (multipart: {@code decision} file, {@code from}, {@code to})
 * answers 202 with the run's address; {@code GET /api/analysis/what-if/{id}} its progress and, once
 * done, the report. For process analysts and administrators.
 */
@RestController
class WhatIfController {

  /** A year of closed complaints replays in seconds. */
  static final int MAX_DAYS = 366;
  private static final int MAX_WAIT_SECONDS = 30;

  /** A run as the API and the page show it. */
  record View(String id, WhatIfRun.Status status, String decision, LocalDate from, LocalDate to, String startedBy,
      int processed, int total, String error, WhatIfReport report) {

    static View of(WhatIfRun run) {
      WhatIfRun.Snapshot now = run.snapshot();
      return new View(run.id(), now.status(), run.decision(), run.period().from(), run.period().to(),
          run.startedBy(), now.processed(), now.total(), now.error(), now.report());
    }
  }

  private final WhatIfService whatIf;

  WhatIfController(WhatIfService whatIf) {
    this.whatIf = whatIf;
  }

  @PostMapping(path = "/api/analysis/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<View> start(@RequestParam(required = false) MultipartFile decision,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Principal user) {
    WhatIfRun run = start(whatIf, decision, from, to, user);
    return ResponseEntity.accepted().location(URI.create("/api/analysis/what-if/" + run.id())).body(View.of(run));
  }

  /**
   * Progress and, once done, the report. {@code wait} (seconds, at most 30) holds the answer until
   * the replay ends, for clients that would rather not poll.
   */
  @GetMapping("/api/analysis/what-if/{id}")
  View get(@PathVariable String id, @RequestParam(defaultValue = "0") int wait) {
    WhatIfRun run = whatIf.find(id).orElseThrow(() -> new NotFoundException("No what-if run " + id));
    if (wait > 0) {
      run.awaitUpTo(Math.min(wait, MAX_WAIT_SECONDS));
    }
    return View.of(run);
  }

  /** Checks the request (every bad field in one answer) and starts the run; shared with the page. */
  static WhatIfRun start(WhatIfService whatIf, MultipartFile decision, String from, String to, Principal user) {
    List<FieldProblem> problems = new ArrayList<>();
    if (decision == null || decision.isEmpty()) {
      problems.add(FieldProblem.of("decision", Phrase.DMN_REQUIRED));
    }
    DayRange period = null;
    try {
      period = DayRange.parse(from, to, MAX_DAYS);
    } catch (InvalidRequestException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    try {
      return whatIf.start(decision.getBytes(), period, user.getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
