package com.redress.shared;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A node locks jobs under a name that survives its restart ({@code redress.node-id}; on the
 * embedded H2 default, which only one node can open, a fixed one), and a node that starts releases
 * the locks its previous incarnation still held. Without a configured id a PostgreSQL node keeps
 * Camunda's random lock owner and its jobs wait for their lock to expire after a crash. A node killed in the middle of its jobs (kill -9, a power cut) would otherwise leave them
 * locked for the whole lock time (5 minutes), which must stay longer than the longest job (a send
 * step waits up to about 50 s for SMTP) or a job would run twice. The jobs it held had not
 * committed: their work rolled back with the dead connection, so running them again runs them once.
 * Two nodes must never share a node id (docs/operations.md).
 */
@Component
class NodeJobLocks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NodeJobLocks.class);
  /** The one node an H2 file database can have. */
  private static final String EMBEDDED = "embedded";

  private final String nodeId;
  private final DataSource dataSource;

  NodeJobLocks(@Value("${redress.node-id:}") String configured, Database database, DataSource dataSource) {
    this.nodeId = !configured.isBlank() ? configured.strip() : database.isPostgres() ? null : EMBEDDED;
    this.dataSource = dataSource;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (nodeId != null) {
      configuration.getJobExecutor().setLockOwner(nodeId);
    }
  }

  /** Runs once the engine is built, before its job executor acquires anything. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (nodeId == null) {
      return;
    }
    int released = new JdbcTemplate(dataSource).update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL,"
        + " LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?", nodeId);
    if (released > 0) {
      LOG.warn("Node {} released {} jobs its previous run still held (it had stopped without finishing them)",
          nodeId, released);
    }
  }
}
