package com.redress.compensation;

import static com.redress.compensation.CompensationApprovalProcess.APPROVAL_STEP;
import static com.redress.compensation.CompensationApprovalProcess.APPROVER_GROUP;
import static com.redress.compensation.CompensationApprovalProcess.PROPOSAL_ID;
import static com.redress.compensation.CompensationApprovalProcess.TASK_APPROVE;

import com.redress.identity.Groups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Task_EscalateApproval: an approval task is overdue. The next level may now decide it too (the
 * group keeps it as well), nobody holds it any more, and it rises to the top of everyone's list.
 * A group that signs later in the same chain is not added: its own signature must stay separate.
 */
@Component
class EscalateApprovalDelegate implements JavaDelegate {

  /** Who stands above whom; finance is the last word. */
  static final Map<String, String> NEXT_LEVEL = Map.of(
      Groups.SUPERVISORS, Groups.SERVICE_MANAGERS,
      Groups.SERVICE_MANAGERS, Groups.FINANCE);
  static final int OVERDUE_PRIORITY = 100;

  private final TaskService tasks;
  private final CompensationService compensations;

  EscalateApprovalDelegate(TaskService tasks, CompensationService compensations) {
    this.tasks = tasks;
    this.compensations = compensations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(TASK_APPROVE).singleResult();
    String next = NEXT_LEVEL.get(APPROVER_GROUP.require(execution));
    Compensation c = compensations.get(PROPOSAL_ID.require(execution));
    List<String> later = c.approverGroups().subList(Math.min(APPROVAL_STEP.require(execution) + 1,
        c.approverGroups().size()), c.approverGroups().size());
    if (next != null && !later.contains(next)) {
      tasks.addCandidateGroup(task.getId(), next);
    }
    if (task.getAssignee() != null) {
      tasks.setAssignee(task.getId(), null);
    }
    tasks.setPriority(task.getId(), OVERDUE_PRIORITY);
  }
}
