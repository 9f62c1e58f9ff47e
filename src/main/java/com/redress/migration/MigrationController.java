package com.redress.migration;

import com.redress.shared.InvalidRequestException;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/migrations}: a dry run (the default) or a migration of a process's running
 * instances from one version to another; {@code GET /api/migrations/versions?processDefinitionKey=}
 * the versions with their running instances, where they wait, and today's model check on those
 * that still run. For process analysts and administrators (SecurityConfig).
 */
@RestController
class MigrationController {

  private final MigrationService migrations;
  private final RunningVersions versions;

  MigrationController(MigrationService migrations, RunningVersions versions) {
    this.migrations = migrations;
    this.versions = versions;
  }

  @PostMapping("/api/migrations")
  MigrationReport migrate(@RequestBody(required = false) MigrationRequest request, Principal analyst) {
    if (request == null) {
      throw new InvalidRequestException("processDefinitionKey", "is required");
    }
    return migrations.migrate(request, analyst.getName());
  }

  @GetMapping("/api/migrations/versions")
  List<RunningVersions.Version> versions(@RequestParam(required = false) String processDefinitionKey) {
    if (processDefinitionKey == null || !MigrationService.PROCESSES.contains(processDefinitionKey)) {
      throw new InvalidRequestException("processDefinitionKey", "must be one of " + MigrationService.PROCESSES);
    }
    return versions.of(processDefinitionKey);
  }
}
