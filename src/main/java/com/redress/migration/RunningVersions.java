package com.redress.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.redress.identity.AsRedress;
import com.redress.modelcheck.ModelProblem;
import com.redress.modelcheck.StoredModelCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The deployed versions of a process with their running instances, and where those wait. A version
 * that still runs is checked as the model check stands today: an error there (a delegate or
 * listener bean that no longer exists, an id code no longer finds) makes it an orphaned version,
 * whose instances may fail at the step that needs what is missing. Orphaned versions are logged a
 * minute after the start and daily, and shown on the migration page, so that they are migrated
 * before the code they need is removed.
 */
@Component
public class RunningVersions {

  private static final Logger LOG = LoggerFactory.getLogger(RunningVersions.class);

  /** One version: how many instances run and where they wait, and today's check if any run. */
  public record Version(int version, String definitionId, long running, Map<String, Integer> waiting,
      List<String> errors) {

    @JsonProperty
    public boolean orphaned() {
      return running > 0 && !errors.isEmpty();
    }
  }

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final StoredModelCheck modelCheck;
  private final AsRedress asRedress;

  RunningVersions(@Lazy RepositoryService repository, @Lazy RuntimeService runtime, @Lazy ManagementService management,
      StoredModelCheck modelCheck, AsRedress asRedress) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.modelCheck = modelCheck;
    this.asRedress = asRedress;
  }

  /** Every version of {@code key}, the latest first. */
  public List<Version> of(String key) {
    return asRedress.call(() -> repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .orderByProcessDefinitionVersion().desc().unlimitedList().stream().map(this::version).toList());
  }

  private Version version(ProcessDefinition definition) {
    long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
    Map<String, Integer> waiting = new LinkedHashMap<>();
    List<String> errors = List.of();
    if (running > 0) {
      for (ActivityStatistics activity : management.createActivityStatisticsQuery(definition.getId()).list()) {
        waiting.put(activity.getId(), activity.getInstances());
      }
      errors = modelCheck.check(definition).stream().filter(ModelProblem::isError)
          .map(ModelProblem::toString).toList();
    }
    return new Version(definition.getVersion(), definition.getId(), running, waiting, errors);
  }

  /**
   * A minute after the start (not to compete with it: the check reads every model that still runs),
   * then daily, as code and models change with deployments.
   */
  @Scheduled(initialDelayString = "${redress.migration.orphan-check-delay:PT1M}", fixedDelayString = "P1D")
  void reportOrphans() {
    try {
      MigrationService.PROCESSES.forEach(key -> of(key).stream().filter(Version::orphaned)
          .forEach(orphan -> LOG.warn("Version {} of {} is orphaned: {} running instances need what today's code"
              + " no longer has ({}); migrate them (/analysis/migrations) before they reach it", orphan.version(), key,
              orphan.running(), String.join("; ", orphan.errors()))));
    } catch (RuntimeException e) {
      LOG.warn("Could not look for orphaned versions: {}", e.toString()); // e.g. the database out of reach
    }
  }
}
