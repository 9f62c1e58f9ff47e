package com.redress.tasklist;

import com.redress.complaint.ComplaintHandlingProcess;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The values Tasklist shows under each task (reference, severity, category). With
 * authorizations on, a handler may read its task but not the whole process instance, so
 * Tasklist cannot show process variables; every user task therefore gets these values as
 * task-local copies when it is created. Done by a parse listener for all user tasks, present
 * and future, so analysts need not model it.
 */
@Component
class TaskColumns extends AbstractProcessEnginePlugin {

  static final List<String> NAMES = List.of(
      ComplaintHandlingProcess.COMPLAINT_REFERENCE.name(),
      ComplaintHandlingProcess.SEVERITY.name(),
      ComplaintHandlingProcess.CATEGORY.name(),
      ComplaintHandlingProcess.RESOLUTION_DUE.name());

  private static final TaskListener COPY = TaskColumns::copy;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
      }
    });
  }

  static void copy(DelegateTask task) {
    for (String name : NAMES) {
      Object value = task.getExecution() == null ? null : task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
