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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analysts' migration page: pick a process, read its versions with their running instances and
 * where they wait (orphaned versions marked), pick a source and a target with any mappings, get a
 * dry run, then migrate. The same contract as {@code /api/migrations}.
 */
@Controller
class MigrationPages {

  private final MigrationService migrations;
  private final RunningVersions versions;
  private final StaffRefusals refusals;

  MigrationPages(MigrationService migrations, RunningVersions versions, StaffRefusals refusals) {
    this.migrations = migrations;
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

  /** {@code mappings}: one "from -> to" per line. */
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
      model.addAttribute("report", migrations.migrate(request, analyst.getName()));
      model.addAttribute("dryRun", request.isDryRun());
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
