package com.redress.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import java.io.File;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every decision a person makes in a user task is stored by a step an analyst sees in Modeler,
 * right after the task: its end listeners only validate (ADR 0013). A reader finds where
 * moreApprovals, reviewConfirmed or awardRoute come from by looking at the diagram.
 */
class DecisionsInTheDiagramTest {

  record Decision(String file, String userTask, String recordTask) {
  }

  static List<Decision> decisions() {
    return List.of(
        new Decision("CompensationApproval.bpmn", CompensationApprovalProcess.TASK_APPROVE,
            CompensationApprovalProcess.TASK_RECORD_DECISION),
        new Decision("ComplaintHandling.bpmn", ComplaintHandlingProcess.TASK_REVIEW_QUALITY,
            ComplaintHandlingProcess.TASK_RECORD_QUALITY_REVIEW),
        new Decision("EmployeeAward.bpmn", EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS,
            EmployeeAwardProcess.TASK_RECORD_NOMINATION_CHANGE),
        new Decision("EmployeeAward.bpmn", EmployeeAwardProcess.TASK_APPROVE_AWARDS,
            EmployeeAwardProcess.TASK_RECORD_AWARD_DECISION),
        new Decision("EmployeeAward.bpmn", EmployeeAwardProcess.TASK_APPROVE_EXCESS,
            EmployeeAwardProcess.TASK_RECORD_EXCESS_DECISION),
        new Decision("EmployeeAward.bpmn", EmployeeAwardProcess.TASK_DECIDE_OBJECTION,
            EmployeeAwardProcess.TASK_RECORD_OBJECTION_DECISION));
  }

  @ParameterizedTest
  @MethodSource("decisions")
  void aNamedStepRightAfterTheTaskRecordsItsDecision(Decision decision) {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes", decision.file()));
    UserTask task = model.getModelElementById(decision.userTask());

    List<FlowNode> next = task.getSucceedingNodes().list();
    assertThat(next).as("the one step after " + decision.userTask()).singleElement()
        .isInstanceOf(ServiceTask.class)
        .satisfies(step -> {
          assertThat(step.getId()).isEqualTo(decision.recordTask());
          assertThat(step.getName()).startsWith("Record ");
          assertThat(((ServiceTask) step).getCamundaDelegateExpression()).startsWith("${record");
        });
    assertThat(task.isCamundaAsyncAfter()).as("recorded in the completion's transaction").isFalse();
    assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list())
        .extracting(CamundaExecutionListener::getCamundaDelegateExpression)
        .as("end listeners that only validate").allMatch(listener -> listener.startsWith("${validate"));
  }
}
