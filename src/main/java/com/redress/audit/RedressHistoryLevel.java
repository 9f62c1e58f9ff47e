package com.redress.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's history level "redress" (ADR 0014): everything FULL records except what nothing
 * Redress ships reads. Kept: process, activity and task instances (Cockpit, the audit page's path,
 * the process tests), incidents, decision evaluations and the user operation log (Tasklist's task
 * History tab; the audit trail takes its events from the same pipeline, so they must be produced),
 * and each job's success or failure with the node that ran it (evidence that a job ran once).
 * Dropped: variable history and its details, job creation and deletion, the identity-link log,
 * form properties, external tasks and cases. The business record lives in the audit trail
 * (ADR 0013).
 *
 * <p>The engine stores the level in ACT_GE_PROPERTY and refuses to start on a database whose level
 * differs. A database that an earlier Redress created at FULL is moved to this level before the
 * engine checks it; any other stored level is left for the engine to refuse.
 */
@Component
public class RedressHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

  public static final String NAME = "redress";
  /** Not one of the engine's own (0–3). */
  public static final int ID = 31;

  private static final Logger LOG = LoggerFactory.getLogger(RedressHistoryLevel.class);
  private static final Set<HistoryEventType> DROPPED = Set.of(
      HistoryEventTypes.VARIABLE_INSTANCE_CREATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
      HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
      HistoryEventTypes.VARIABLE_INSTANCE_DELETE, HistoryEventTypes.FORM_PROPERTY_UPDATE,
      HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE,
      HistoryEventTypes.IDENTITY_LINK_ADD, HistoryEventTypes.IDENTITY_LINK_DELETE,
      HistoryEventTypes.EXTERNAL_TASK_CREATE, HistoryEventTypes.EXTERNAL_TASK_FAIL,
      HistoryEventTypes.EXTERNAL_TASK_SUCCESS, HistoryEventTypes.EXTERNAL_TASK_DELETE,
      HistoryEventTypes.CASE_INSTANCE_CREATE, HistoryEventTypes.CASE_INSTANCE_UPDATE,
      HistoryEventTypes.CASE_INSTANCE_CLOSE, HistoryEventTypes.CASE_ACTIVITY_INSTANCE_CREATE,
      HistoryEventTypes.CASE_ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.CASE_ACTIVITY_INSTANCE_END);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !DROPPED.contains(eventType);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the level is chosen by name (camunda.bpm.history-level); the engine must know it first
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new java.util.ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(this);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (NAME.equalsIgnoreCase(configuration.getHistory())) {
      moveStoredLevelFromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }
  }

  /** Before the engine compares the stored level with ours: FULL (3), as earlier Redress stored it, becomes ours. */
  static void moveStoredLevelFromFull(DataSource dataSource, String tablePrefix) {
    String sql = "UPDATE " + (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY SET VALUE_ = ?, REV_ = REV_ + 1"
        + " WHERE NAME_ = 'historyLevel' AND VALUE_ = ?";
    try (Connection connection = dataSource.getConnection()) {
      if (!engineTablesExist(connection, tablePrefix)) {
        return; // a new database: the engine stores our level itself
      }
      try (PreparedStatement update = connection.prepareStatement(sql)) {
        update.setString(1, Integer.toString(ID));
        update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        if (update.executeUpdate() > 0) {
          LOG.info("History level of the existing database moved from full to {} (ADR 0014)", NAME);
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not move the stored history level to " + NAME, e);
    }
  }

  private static boolean engineTablesExist(Connection connection, String tablePrefix) throws SQLException {
    String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_GE_PROPERTY";
    for (String name : new String[] {table, table.toLowerCase()}) {
      try (var tables = connection.getMetaData().getTables(null, null, name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
