package com.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;

/**
 * The history level on a database an earlier Redress created at FULL: the engine stores its level
 * and refuses to start at another ("historyLevel mismatch"), so Redress moves the stored level
 * before the engine compares. Engines of their own on an in-memory H2 database, no Spring.
 */
class RedressHistoryLevelTest {

  @Test
  void aDatabaseCreatedAtFullStartsAtRedressAndKeepsItsHistory() {
    String url = "jdbc:h2:mem:history-level-upgrade;DB_CLOSE_DELAY=-1";
    ProcessEngine full = engine(url, ProcessEngineConfiguration.HISTORY_FULL, List.of());
    assertThat(storedLevel(full)).isEqualTo("3");
    full.close();

    ProcessEngine redress = engine(url, RedressHistoryLevel.NAME, List.of(new RedressHistoryLevel()));
    try {
      assertThat(storedLevel(redress)).isEqualTo(Integer.toString(RedressHistoryLevel.ID));
      assertThat(((ProcessEngineConfigurationImpl) redress.getProcessEngineConfiguration()).getHistoryLevel())
          .isInstanceOf(RedressHistoryLevel.class);
    } finally {
      redress.close();
    }
  }

  @Test
  void withoutMovingTheStoredLevelTheEngineWouldRefuseToStart() {
    String url = "jdbc:h2:mem:history-level-mismatch;DB_CLOSE_DELAY=-1";
    engine(url, ProcessEngineConfiguration.HISTORY_FULL, List.of()).close();
    // the level known by name, but the stored FULL left as it is
    ProcessEnginePlugin onlyKnown = new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        new RedressHistoryLevel().preInit(configuration);
      }
    };
    assertThatThrownBy(() -> engine(url, RedressHistoryLevel.NAME, List.of(onlyKnown)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("historyLevel mismatch");
  }

  @Test
  void itProducesWhatTheWebappsAndTheTrailReadAndDropsTheRest() {
    RedressHistoryLevel level = new RedressHistoryLevel();
    for (HistoryEventTypes kept : List.of(HistoryEventTypes.PROCESS_INSTANCE_START, HistoryEventTypes.PROCESS_INSTANCE_END,
        HistoryEventTypes.ACTIVITY_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_END,
        HistoryEventTypes.TASK_INSTANCE_CREATE, HistoryEventTypes.TASK_INSTANCE_COMPLETE,
        HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_RESOLVE, HistoryEventTypes.DMN_DECISION_EVALUATE,
        HistoryEventTypes.USER_OPERATION_LOG, HistoryEventTypes.BATCH_START, HistoryEventTypes.JOB_SUCCESS,
        HistoryEventTypes.JOB_FAIL)) {
      assertThat(level.isHistoryEventProduced(kept, null)).as(kept.name()).isTrue();
    }
    for (HistoryEventTypes dropped : List.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
        HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.JOB_CREATE,
        HistoryEventTypes.IDENTITY_LINK_ADD, HistoryEventTypes.FORM_PROPERTY_UPDATE)) {
      assertThat(level.isHistoryEventProduced(dropped, null)).as(dropped.name()).isFalse();
    }
  }

  private static ProcessEngine engine(String url, String history, List<ProcessEnginePlugin> plugins) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("history-level-" + System.nanoTime());
    configuration.setJdbcUrl(url);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(history);
    configuration.setJobExecutorActivate(false);
    configuration.setDbMetricsReporterActivate(false);
    configuration.getProcessEnginePlugins().addAll(plugins);
    return configuration.buildProcessEngine();
  }

  private static String storedLevel(ProcessEngine engine) {
    return engine.getManagementService().getProperties().get("historyLevel");
  }
}
