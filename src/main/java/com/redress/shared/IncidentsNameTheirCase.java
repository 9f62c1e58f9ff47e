package com.redress.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.StringUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * A failed step's incident starts with the case it belongs to ("CMP-2026-000123: payment provider
 * timed out"): Cockpit's incident list shows the message but not the business key, and whoever
 * is on call must know which customer waits. The case is the business key of the process
 * instance or of the nearest calling instance that has one.
 */
@Component
class IncidentsNameTheirCase extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new DefaultIncidentHandler(Incident.FAILED_JOB_HANDLER_TYPE) {
      @Override
      public Incident handleIncident(IncidentContext context, String message) {
        String businessKey = businessKey(context.getExecutionId());
        return super.handleIncident(context,
            businessKey == null ? message : StringUtil.trimToMaximumLengthAllowed(businessKey + ": " + message));
      }
    });
    configuration.setCustomIncidentHandlers(handlers);
  }

  private static String businessKey(String executionId) {
    if (executionId == null) {
      return null;
    }
    ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(executionId);
    for (ExecutionEntity instance = execution == null ? null : execution.getProcessInstance(); instance != null;
        instance = instance.getSuperExecution() == null ? null : instance.getSuperExecution().getProcessInstance()) {
      if (instance.getBusinessKey() != null) {
        return instance.getBusinessKey();
      }
    }
    return null;
  }
}
