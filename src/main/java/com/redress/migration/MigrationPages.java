package com.redress.migration;

import com.redress.shared.ConflictException;
import com.redress.shared.InvalidRequestException;
import com.redress.shared.StaffRefusals;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analysts' migration page: pick a process, read its versions with their running instances and
 * where they wait (orphaned versions marked), pick a source and a target with any mappings, get a
 * dry run, then migrate and follow the run. The same checks as {@code /api/migrations}.
 */
@Controller
class MigrationPages {

  private static final int MAX_WAIT_SECONDS = 30;

  private final MigrationService migrations;
  private final MigrationRuns runs;
  private final RunningVersions versions;
  private final StaffRefusals refusals;

  MigrationPages(MigrationService migrations, MigrationRuns runs, RunningVersions versions, StaffRefusals refusals) {
    this.migrations = migrations;
    this.runs = runs;
    this.versions = versions;
    this.refusals = refusals;
  }

  @GetMapping("/analysis/migrations")
  String page(@RequestParam(required = false) String process, Model model) {
    String chosen = process != null && MigrationService.PROCESSES.contains(process) ? process
        : MigrationService.PROCESSES.get(0);
    model.addAttribute("processes", MigrationService.PROCESSES);
    model.addAttribute("process", chosen);
    model.addAttribute("versions", versions.of(chosen));
    return "analysis/migrations";
  }

  /**
   * A dry run answers on the page; a migration, once checked and planned, runs in the background
   * and the analyst follows it on its own page. {@code mappings}: one "from -> to" per line.
   */
  @PostMapping("/analysis/migrations")
  String migrate(@RequestParam String process, @RequestParam(required = false) Integer sourceVersion,
      @RequestParam(required = false) Integer targetVersion, @RequestParam(defaultValue = "") String mappings,
      @RequestParam(defaultValue = "dry-run") String action, Principal analyst, Model model,
      HttpServletResponse response) {
    model.addAttribute("sourceVersion", sourceVersion);
    model.addAttribute("targetVersion", targetVersion);
    model.addAttribute("mappings", mappings);
    try {
      MigrationRequest request = new MigrationRequest(process, sourceVersion, targetVersion, parsed(mappings),
          !"migrate".equals(action));
      MigrationService.Prepared prepared = migrations.prepare(request, analyst.getName());
      if (!request.isDryRun()) {
        return "redirect:/analysis/migrations/runs/" + runs.start(prepared).id();
      }
      model.addAttribute("report", migrations.run(prepared, MigrationService.Progress.NONE));
    } catch (InvalidRequestException e) {
      // refused like every other form: the page again with the reasons, and a 400 for scripts
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problems", refusals.said(e.problems()));
    } catch (ConflictException e) {
      response.setStatus(e.status());
      model.addAttribute("refusal", refusals.said(e));
    }
    return page(process, model);
  }

  /**
   * A run's progress, then its report; {@code wait} (seconds, at most 30) holds the answer until it
   * ends. A run the server no longer knows (restarted) leads back to the migration page.
   */
  @GetMapping("/analysis/migrations/runs/{id}")
  String run(@PathVariable String id, @RequestParam(defaultValue = "0") int wait, Model model) {
    return runs.find(id).map(run -> {
      if (wait > 0) {
        run.awaitUpTo(Math.min(wait, MAX_WAIT_SECONDS));
      }
      model.addAttribute("run", run);
      return "analysis/migration-run";
    }).orElse("redirect:/analysis/migrations");
  }

  private static List<MigrationRequest.Mapping> parsed(String lines) {
    List<MigrationRequest.Mapping> mappings = new ArrayList<>();
    for (String line : lines.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] ends = line.split("->", 2);
      mappings.add(new MigrationRequest.Mapping(ends[0].trim(), ends.length > 1 ? ends[1].trim() : ""));
    }
    return mappings;
  }
}
