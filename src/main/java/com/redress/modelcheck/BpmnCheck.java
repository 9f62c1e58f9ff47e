package com.redress.modelcheck;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * BPMN processes: Redress's conventions, what code relies on, and the rules Camunda Modeler's
 * linter applies (bpmnlint "recommended" and camunda-compat for Camunda 7.24, same messages).
 */
final class BpmnCheck {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  /** Modeler's generated ids: a type, then 0 or 1 and six base-36 characters (Activity_0x1abcd, Flow_1kq2z3r). */
  private static final Pattern GENERATED_ID = Pattern.compile("(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task"
      + "|ServiceTask|UserTask|SequenceFlow|DataObject|DataObjectReference|DataStoreReference|Message|Signal|Error"
      + "|Escalation|Participant|Lane|LaneSet|Process|Collaboration|TextAnnotation|Association|Group)_[01][0-9a-z]{6}");
  private static final Set<String> SINGLE_RESULT = Set.of("singleResult", "singleEntry");

  private final ModelBeans beans;
  private final Map<String, ProcessContract> contracts;
  private final Map<String, FormCheck.Form> forms;
  private final Map<String, DmnCheck.DecisionInfo> decisions;
  private final List<ModelProblem> problems;
  private final Set<String> inputParameters = new LinkedHashSet<>();
  private final Set<String> processIds = new LinkedHashSet<>();
  private final Map<CallActivity, String> calls = new LinkedHashMap<>();

  /** What the checked models are and what they hand their decisions besides process variables. */
  record Result(Set<String> processIds, Set<String> inputParameters) {
  }

  BpmnCheck(ModelBeans beans, Map<String, ProcessContract> contracts, Map<String, FormCheck.Form> forms,
      Map<String, DmnCheck.DecisionInfo> decisions, List<ModelProblem> problems) {
    this.beans = beans;
    this.contracts = contracts;
    this.forms = forms;
    this.decisions = decisions;
    this.problems = problems;
  }

  Result check(List<ModelResource> resources) {
    for (ModelResource resource : resources) {
      BpmnModelInstance model;
      try {
        model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.content()));
        Bpmn.validateModel(model);
      } catch (RuntimeException e) {
        problems.add(ModelProblem.error(resource.name(), "-", "cannot be read: " + DmnCheck.rootMessage(e),
            "open it in Camunda Modeler, fix what it shows and save it again"));
        continue;
      }
      check(resource, model);
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        if ("deployment".equals(call.getCamundaCalledElementBinding())) {
          calls.put(call, resource.name());
        }
      }
    }
    calls.forEach((call, file) -> {
      if (!processIds.contains(call.getCalledElement())) {
        problems.add(ModelProblem.error(file, call.getId(), "calls process '" + call.getCalledElement()
            + "' from its own deployment, but it is not among the checked files",
            "deploy (or check) " + call.getCalledElement() + ".bpmn together with the model"));
      }
    });
    return new Result(processIds, inputParameters);
  }

  private void check(ModelResource resource, BpmnModelInstance model) {
    String file = resource.name();
    checkPlatform(model.getDocument().getRootElement().getAttribute(MODELER_NS, "executionPlatformVersion"),
        file, problems);
    // a collaboration's documentation pools are not executed: only executable processes are checked
    List<Process> processes = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
        .toList();
    if (processes.isEmpty()) {
      problems.add(ModelProblem.error(file, "-", "has no executable process",
          "tick Executable in the process's (or the pool's) properties"));
    }
    for (Process process : processes) {
      processIds.add(process.getId());
      checkProcess(resource, process, processes.size());
      ProcessContract contract = contracts.get(process.getId());
      if (contract != null) {
        checkContract(file, model, contract);
      }
    }
    checkDiagram(file, model);
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
        problems.add(ModelProblem.error(file, element.getId(), "is a generated id",
            "name it after what it does, e.g. Task_CheckInvoice (Properties › General › ID)"));
      }
    }
    checkImplementations(file, model);
    ExpressionSafety.checkBpmn(file, model.getDocument().getDomSource().getNode(), beans, problems);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkUserTask(file, task);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        checkFormRef(file, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding());
      }
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      checkDecisionCall(file, task);
    }
    Lint.check(file, model, problems);
  }

  private void checkProcess(ModelResource resource, Process process, int executable) {
    String file = resource.name();
    if (executable == 1 && !resource.fileName().equals(process.getId() + ".bpmn")) {
      problems.add(ModelProblem.error(file, process.getId(), "the file is not named after the process id",
          "save it as " + process.getId() + ".bpmn"));
    }
    if (process.getCamundaHistoryTimeToLiveString() == null) {
      // camunda-compat's history-time-to-live rule; Redress configures no engine-wide default
      problems.add(ModelProblem.error(file, process.getId(),
          "Property <historyTimeToLive> should be configured on <bpmn:Process> or engine level",
          "set History cleanup › Time to live (e.g. 3650 days) in the process's properties"));
    }
    if (process.getCamundaVersionTag() == null) {
      problems.add(ModelProblem.error(file, process.getId(), "has no version tag",
          "set Version tag (e.g. 1.4.0) so auditors can tell which version handled a complaint"));
    }
  }

  private void checkContract(String file, BpmnModelInstance model, ProcessContract contract) {
    contract.elementIds().forEach((id, constant) -> {
      ModelElementInstance element = model.getModelElementById(id);
      if (element == null) {
        problems.add(ModelProblem.error(file, id, "is missing, but code depends on it (" + constant + ")",
            "give the element that does this job the id " + id + " again (Properties › General › ID)"));
      } else if (element instanceof Message message && !id.equals(message.getName())) {
        // code correlates by name; Redress keeps a message's name and id alike
        problems.add(ModelProblem.error(file, id, "message name is '" + message.getName() + "', but code correlates "
            + "by the name " + id + " (" + constant + ")", "set the message's name back to " + id));
      }
    });
  }

  private void checkDiagram(String file, BpmnModelInstance model) {
    Set<String> drawn = new HashSet<>();
    // a shape whose element was deleted by hand has no element: it draws nothing
    model.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnElement() != null)
        .forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).stream().filter(e -> e.getBpmnElement() != null)
        .forEach(e -> drawn.add(e.getBpmnElement().getId()));
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if ((element instanceof FlowNode || element instanceof SequenceFlow) && !drawn.contains(element.getId())) {
        problems.add(ModelProblem.error(file, element.getId(), "Element is missing bpmndi",
            "open the file in Modeler; an element without a shape is invisible there: draw it or delete it"));
      }
    }
  }

  private void checkImplementations(String file, BpmnModelInstance model) {
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkDelegate(file, task.getId(), task.getCamundaDelegateExpression());
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkDelegate(file, task.getId(), task.getCamundaDelegateExpression());
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() == null) {
        checkDelegate(file, task.getId(), task.getCamundaDelegateExpression());
      }
    }
    for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
      problems.add(ModelProblem.error(file, task.getId(), "is a script task",
          "use a service task with a Redress element template; scripts bypass the code's checks"));
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      checkDelegate(file, ownerId(listener), listener.getCamundaDelegateExpression());
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      checkDelegate(file, ownerId(listener), listener.getCamundaDelegateExpression());
    }
    // a message thrown by an end or intermediate event runs its delegate like a service task
    for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
      if (message.getCamundaDelegateExpression() != null) {
        checkDelegate(file, ownerId(message), message.getCamundaDelegateExpression());
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      if (call.getCamundaVariableMappingDelegateExpression() != null) {
        checkDelegate(file, call.getId(), call.getCamundaVariableMappingDelegateExpression());
      }
    }
  }

  private void checkDelegate(String file, String element, String expression) {
    ModelProblem problem = StepImplementations.delegate(file, element, expression, beans);
    if (problem != null) {
      problems.add(problem);
    }
  }

  private void checkUserTask(String file, UserTask task) {
    if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
      problems.add(ModelProblem.error(file, task.getId(), "has no candidate groups",
          "set Candidate groups (e.g. supervisors) so the task shows up in someone's Tasklist"));
    }
    String formRef = task.getCamundaFormRef();
    if (!checkFormRef(file, task.getId(), formRef, task.getCamundaFormRefBinding())) {
      return;
    }
    Set<String> fields = forms.get(formRef).fields();
    Set<String> known = new HashSet<>(fields);
    contracts.values().forEach(c -> known.addAll(c.variables()));
    for (SequenceFlow flow : conditionsAfter(task)) {
      for (String variable : Expressions.variables(flow.getConditionExpression().getTextContent())) {
        if (!known.contains(variable)) {
          problems.add(ModelProblem.error(file, flow.getId(), "condition after " + task.getId() + " reads '"
              + variable + "', which neither form " + formRef + " nor the code provides",
              "add a field with key '" + variable + "' to form " + formRef + ", or correct the condition"));
        }
      }
    }
  }

  /** Returns whether the form is there to look into. */
  private boolean checkFormRef(String file, String element, String formRef, String binding) {
    if (formRef == null) {
      problems.add(ModelProblem.error(file, element, "has no form",
          "set Form › Type Camunda Forms (linked), Form ID and Binding deployment"));
      return false;
    }
    if (!"deployment".equals(binding)) {
      problems.add(ModelProblem.error(file, element, "binds form " + formRef + " with '" + binding + "'",
          "set Binding to deployment, so each process version keeps the form it was deployed with"));
    }
    if (!forms.containsKey(formRef)) {
      problems.add(ModelProblem.error(file, element, "refers to form '" + formRef
          + "', which is not among the checked files", "deploy (or check) " + formRef + ".form together with the model"));
      return false;
    }
    return true;
  }

  private void checkDecisionCall(String file, BusinessRuleTask task) {
    String ref = task.getCamundaDecisionRef();
    if (ref == null) {
      return;
    }
    task.getModelInstance().getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(p -> ownerId(p).equals(task.getId()))
        .forEach(p -> inputParameters.add(p.getCamundaName()));
    DmnCheck.DecisionInfo decision = decisions.get(ref);
    if (decision == null) {
      problems.add(ModelProblem.error(file, task.getId(), "calls decision '" + ref
          + "', which is not among the checked files", "deploy (or check) the DMN file with decision " + ref
          + " together with the model"));
    } else if (SINGLE_RESULT.contains(task.getCamundaMapDecisionResult()) && decision.mayReturnSeveral()) {
      problems.add(ModelProblem.error(file, task.getId(), "maps a single result, but decision " + ref
          + " (hit policy " + decision.hitPolicy() + ") can return several",
          "use hit policy UNIQUE or FIRST in " + ref + ", or set Map decision result to resultList"));
    }
  }

  /**
   * The conditional flows a user task's completion decides between: those of the gateways reached
   * from it without waiting (through service tasks, business rules and other gateways).
   */
  private static Set<SequenceFlow> conditionsAfter(UserTask task) {
    Set<SequenceFlow> conditions = new LinkedHashSet<>();
    Set<FlowNode> visited = new HashSet<>();
    Deque<FlowNode> next = new ArrayDeque<>();
    next.add(task);
    while (!next.isEmpty()) {
      FlowNode node = next.poll();
      for (SequenceFlow flow : node.getOutgoing()) {
        if (flow.getConditionExpression() != null) {
          conditions.add(flow);
        }
        FlowNode target = flow.getTarget();
        boolean passesThrough = target instanceof ServiceTask || target instanceof SendTask
            || target instanceof BusinessRuleTask || target instanceof ThrowEvent && !(target instanceof EndEvent)
            || target instanceof Gateway && !(target instanceof EventBasedGateway);
        if (passesThrough && visited.add(target)) {
          next.add(target);
        }
      }
    }
    return conditions;
  }

  static void checkPlatform(String version, String file, List<ModelProblem> problems) {
    if (version == null || !version.startsWith("7.24")) {
      problems.add(ModelProblem.error(file, "-", "is made for execution platform " + version + ", not Camunda 7.24",
          "choose Camunda Platform 7.24 in Modeler's status bar"));
    }
  }

  /** The id of the flow element or process a listener or parameter belongs to. */
  private static String ownerId(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof BaseElement)) {
      parent = parent.getParentElement();
    }
    return parent == null ? "-" : ((BaseElement) parent).getId();
  }

  /** bpmnlint's recommended rules as Camunda Modeler shows them, with the same messages. */
  static final class Lint {

    private Lint() {
    }

    static void check(String file, BpmnModelInstance model, List<ModelProblem> problems) {
      for (Process process : model.getModelElementsByType(Process.class)) {
        scope(file, process.getId(), "Process", process.getFlowElements(), false, problems);
      }
      for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
        scope(file, sub.getId(), "Sub process", sub.getFlowElements(), sub.triggeredByEvent(), problems);
      }
      Map<String, String> flows = new HashMap<>();
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        String key = flow.getSource().getId() + ">" + flow.getTarget().getId() + ">"
            + (flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent());
        if (flows.putIfAbsent(key, flow.getId()) != null) {
          problems.add(ModelProblem.error(file, flow.getId(), "SequenceFlow is a duplicate",
              "delete one of the two flows from " + flow.getSource().getId() + " to " + flow.getTarget().getId()));
        }
        if (flow.getConditionExpression() != null && blank(flow.getName())) {
          problems.add(ModelProblem.error(file, flow.getId(), "Element is missing label/name",
              "name the condition in words, e.g. \"compensation proposed\""));
        }
      }
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        node(file, node, problems);
      }
    }

    private static void scope(String file, String id, String kind, Collection<FlowElement> elements,
        boolean eventSubProcess, List<ModelProblem> problems) {
      List<StartEvent> starts = elements.stream().filter(StartEvent.class::isInstance).map(StartEvent.class::cast)
          .toList();
      if (!eventSubProcess && starts.isEmpty()) {
        problems.add(ModelProblem.error(file, id, kind + " is missing start event", "add a start event"));
      }
      if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
        problems.add(ModelProblem.error(file, id, kind + " is missing end event", "add an end event"));
      }
      if (starts.stream().filter(s -> s.getEventDefinitions().isEmpty()).count() > 1) {
        problems.add(ModelProblem.error(file, id, kind + " has multiple blank start events",
            "keep one blank start event; give the others a message or timer"));
      }
      for (StartEvent start : starts) {
        if (eventSubProcess && start.getEventDefinitions().isEmpty()) {
          problems.add(ModelProblem.error(file, start.getId(), "Start event is missing event definition",
              "make it a message, timer, error or escalation start event"));
        } else if (kind.equals("Sub process") && !eventSubProcess && !start.getEventDefinitions().isEmpty()) {
          problems.add(ModelProblem.error(file, start.getId(), "Start event must be blank",
              "remove the event definition from the sub process's start event"));
        }
      }
    }

    private static void node(String file, FlowNode node, List<ModelProblem> problems) {
      String id = node.getId();
      int in = node.getIncoming().size();
      int out = node.getOutgoing().size();
      boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
      boolean inEventSubProcess = node.getParentElement() instanceof SubProcess parent && parent.triggeredByEvent();
      // bpmnlint leaves these alone: compensation handlers and what an ad-hoc sub-process holds are not
      // connected by flows, link events jump, a compensation boundary event has an association
      boolean unconnectedByDesign = node instanceof Activity activity && activity.isForCompensation()
          || node.getParentElement() != null
              && "adHocSubProcess".equals(node.getParentElement().getElementType().getTypeName())
          || node instanceof BoundaryEvent boundary && has(boundary.getEventDefinitions(), CompensateEventDefinition.class);
      boolean link = node instanceof CatchEvent c && has(c.getEventDefinitions(), LinkEventDefinition.class)
          || node instanceof ThrowEvent t && has(t.getEventDefinitions(), LinkEventDefinition.class);
      if (unconnectedByDesign) {
        return;
      }
      if (in == 0 && out == 0 && !eventSubProcess && !(node instanceof BoundaryEvent)
          && !(inEventSubProcess && node instanceof StartEvent)) {
        problems.add(ModelProblem.error(file, id, "Element is not connected", "connect it with sequence flows or delete it"));
        return;
      }
      if (in == 0 && !(node instanceof StartEvent) && !(node instanceof BoundaryEvent) && !eventSubProcess
          && !(link && node instanceof CatchEvent)) {
        problems.add(ModelProblem.error(file, id, "Element is an implicit start", "connect an incoming sequence flow"));
      }
      if (out == 0 && !(node instanceof EndEvent) && !eventSubProcess && !(link && node instanceof ThrowEvent)) {
        problems.add(ModelProblem.error(file, id, "Element is an implicit end", "end the path with an end event"));
      }
      if (node instanceof CatchEvent catchEvent && catchEvent.getEventDefinitions().size() > 1
          || node instanceof ThrowEvent throwEvent && throwEvent.getEventDefinitions().size() > 1) {
        problems.add(ModelProblem.error(file, id, "Event has multiple event definitions", "keep one event definition"));
      }
      if (node instanceof Gateway) {
        gateway(file, node, in, out, problems);
      } else {
        if (in > 1) {
          problems.add(ModelProblem.warning(file, id, "Incoming flows do not join",
              "join the flows with a gateway before the element"));
        }
        long plain = node.getOutgoing().stream().filter(f -> f.getConditionExpression() == null).count();
        if (out > 1 && plain > 1) {
          problems.add(ModelProblem.error(file, id, "Flow splits implicitly",
              "split with a gateway (exclusive or parallel) after the element"));
        }
      }
      boolean needsLabel = !(node instanceof ParallelGateway || node instanceof EventBasedGateway
          || node instanceof SubProcess || node instanceof Gateway && out <= 1);
      if (needsLabel && blank(node.getName())) {
        problems.add(ModelProblem.error(file, id, "Element is missing label/name", "give it a name in words"));
      }
    }

    private static void gateway(String file, FlowNode node, int in, int out, List<ModelProblem> problems) {
      String id = node.getId();
      if (node instanceof ComplexGateway) {
        problems.add(ModelProblem.error(file, id, "Element type <bpmn:ComplexGateway> is discouraged",
            "use exclusive or parallel gateways"));
      }
      if (node instanceof InclusiveGateway) {
        problems.add(ModelProblem.warning(file, id, "Element type <bpmn:InclusiveGateway> is discouraged",
            "use exclusive or parallel gateways"));
      }
      if (in > 1 && out > 1) {
        problems.add(ModelProblem.error(file, id, "Gateway forks and joins", "use one gateway to join and another to fork"));
      }
      if (in == 1 && out == 1) {
        problems.add(ModelProblem.warning(file, id, "Gateway is superfluous. It only has one source and target.",
            "delete the gateway and connect its source and target directly"));
      }
      if (node instanceof EventBasedGateway) {
        if (out < 2) {
          problems.add(ModelProblem.error(file, id,
              "An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>", "add the other event to wait for"));
        }
        node.getOutgoing().stream().filter(f -> f.getConditionExpression() != null).forEach(f ->
            problems.add(ModelProblem.error(file, f.getId(),
                "A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional",
                "remove the condition")));
      }
      if ((node instanceof ExclusiveGateway || node instanceof InclusiveGateway) && out > 1) {
        SequenceFlow defaultFlow = node instanceof ExclusiveGateway x ? x.getDefault()
            : ((InclusiveGateway) node).getDefault();
        for (SequenceFlow flow : node.getOutgoing()) {
          if (flow.getConditionExpression() == null && flow != defaultFlow) {
            problems.add(ModelProblem.error(file, flow.getId(), "Sequence flow is missing condition",
                "give the flow a condition, or make it the gateway's default flow"));
          }
        }
      }
    }

    private static boolean has(Collection<EventDefinition> definitions, Class<? extends EventDefinition> type) {
      return definitions.stream().anyMatch(type::isInstance);
    }

    private static boolean blank(String name) {
      return name == null || name.isBlank();
    }
  }
}
