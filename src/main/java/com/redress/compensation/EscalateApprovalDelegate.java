package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.APPROVER_GROUP;
import static com.redress.compensation.CompensationApprovalProcess.TASK_APPROVE;

import com.redress.identity.Groups;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateApproval: an approval task is overdue. The next level may now decide it too (the
 * group keeps it as well) and it rises to the top of everyone's list.
 */
@Component
class EscalateApprovalDelegate implements JavaDelegate {

  /** Who stands above whom; finance is the last word. */
  static final Map<String, String> NEXT_LEVEL = Map.of(
      Groups.SUPERVISORS, Groups.SERVICE_MANAGERS,
      Groups.SERVICE_MANAGERS, Groups.FINANCE);
  static final int OVERDUE_PRIORITY = 100;

  private final TaskService tasks;

  EscalateApprovalDelegate(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_APPROVE).singleResult();
    String next = NEXT_LEVEL.get(APPROVER_GROUP.require(execution));
    if (next != null) {
      tasks.addCandidateGroup(task.getId(), next);
    }
    tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
  }
}
