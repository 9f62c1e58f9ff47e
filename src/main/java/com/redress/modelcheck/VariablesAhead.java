package com.redress.modelcheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What one deployed process version reads ahead of a point and that nothing on the way there
 * writes: the variables an instance moved to that point must already have. Reads are the model's
 * expressions (conditions, timers, assignments, a call's inputs, input mappings) and the inputs of
 * the decisions it evaluates; writes are its forms' fields, decision results, output mappings, a
 * call's outputs, and what the code writes at its steps, which each process declares
 * ({@code STEP_WRITES} in its constants class: per delegate or listener bean, or per message).
 * Within a step its input mappings come first, then its other reads, then its writes; a gateway's
 * conditions come after the step before it; what a step the instance has started has read is behind
 * it. A form's disabled fields are no writes (form-js does not submit them). What code reads by
 * itself is code's: a step that requires a variable says so when it runs.
 */
public final class VariablesAhead {

  /** A variable read at an element that an instance starting from the given points reaches first. */
  public record Need(String variable, String elementId) {
  }

  /** Per flow node: what it reads before it writes, and what it writes. */
  private record Step(Set<String> reads, Set<String> writes) {
  }

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

  private final BpmnModelInstance model;
  private final Map<String, Step> steps = new LinkedHashMap<>();
  private final Map<String, Set<String>> conditionReads = new LinkedHashMap<>();
  /** By activity id, the boundary events attached to it: looked up at every step of every search. */
  private final Map<String, List<FlowNode>> boundaryEvents = new HashMap<>();
  private final Set<String> read = new LinkedHashSet<>();

  /**
   * @param forms the keys of the fields each form deployed with the model submits, by form id
   * @param decisionReads what each decision deployed with the model reads from its caller, by decision id
   * @param stepWrites what code writes, by the bean or message that writes it
   * @param beans names an expression resolves to a bean, not a variable
   */
  private VariablesAhead(BpmnModelInstance model, Map<String, Set<String>> forms, Map<String, Set<String>> decisionReads,
      Map<String, Set<String>> stepWrites, Set<String> beans) {
    this.model = model;
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      Set<String> reads = new LinkedHashSet<>();
      Set<String> writes = new LinkedHashSet<>();
      describe(node, forms, decisionReads, stepWrites, reads, writes);
      reads.removeAll(beans);
      steps.put(node.getId(), new Step(reads, writes));
      read.addAll(reads);
    }
    for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
      boundaryEvents.computeIfAbsent(event.getAttachedTo().getId(), id -> new ArrayList<>()).add(event);
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() != null) {
        Set<String> reads = readIn(flow.getConditionExpression().getTextContent());
        reads.removeAll(beans);
        conditionReads.put(flow.getId(), reads);
        read.addAll(reads);
      }
    }
  }

  /**
   * The process {@code model} of {@code processKey} as deployed with {@code resources} (its forms and
   * decisions), with what Redress's code writes at its steps and the beans expressions may name.
   */
  static VariablesAhead of(BpmnModelInstance model, String processKey, List<ModelResource> resources,
      ModelBeans beans) {
    List<ModelProblem> reportedByTheCheck = new ArrayList<>();
    Map<String, Set<String>> forms = new LinkedHashMap<>();
    FormCheck.read(resources.stream().filter(r -> r.is(".form")).toList(), reportedByTheCheck)
        .forEach((formId, form) -> forms.put(formId, form.submitted()));
    Map<String, DmnCheck.DecisionInfo> decisions = DmnCheck.read(
        resources.stream().filter(r -> r.is(".dmn")).toList(), reportedByTheCheck);
    Map<String, Set<String>> decisionReads = new LinkedHashMap<>();
    decisions.forEach((decisionId, decision) -> decisionReads.put(decisionId, decision.callerReads(decisions)));
    Map<String, Set<String>> stepWrites = ProcessContract.REDRESS.stream()
        .filter(contract -> contract.key().equals(processKey)).findFirst()
        .map(ProcessContract::stepWrites).orElse(Map.of());
    Set<String> beanNames = new HashSet<>(beans.delegates());
    beanNames.addAll(beans.exposed());
    return new VariablesAhead(model, forms, decisionReads, stepWrites, beanNames);
  }

  /**
   * The variables an instance will read before anything writes them, each with the first element
   * found to read it. {@code waitingIn} are the activities it has started (their own reads are
   * behind it), {@code aboutToStart} those it will continue at (ids of this version); {@code has}
   * are the variables it has (a null value counts: it is a value the model can test).
   */
  public List<Need> missing(Collection<String> waitingIn, Collection<String> aboutToStart, Set<String> has) {
    return read.stream().filter(variable -> !has.contains(variable))
        .map(variable -> firstRead(variable, nodes(waitingIn), nodes(aboutToStart))).filter(Objects::nonNull)
        .toList();
  }

  private List<FlowNode> nodes(Collection<String> ids) {
    return ids.stream().map(model::getModelElementById).filter(FlowNode.class::isInstance).map(FlowNode.class::cast)
        .toList();
  }

  /** Where a path from the instance's activities reads {@code variable} before a step writes it, or null. */
  private Need firstRead(String variable, List<FlowNode> waitingIn, List<FlowNode> aboutToStart) {
    Deque<FlowNode> next = new ArrayDeque<>(aboutToStart);
    // an event subprocess may start whenever its scope is active
    for (FlowNode node : Stream.concat(waitingIn.stream(), aboutToStart.stream()).toList()) {
      for (ModelElementInstance scope = node.getParentElement(); scope != null; scope = scope.getParentElement()) {
        next.addAll(eventSubProcessStarts(scope));
      }
    }
    for (FlowNode node : waitingIn) {
      Need need = onward(node, variable, next);
      if (need != null) {
        return need;
      }
    }
    Set<String> seen = new HashSet<>();
    while (!next.isEmpty()) {
      FlowNode node = next.poll();
      if (!seen.add(node.getId())) {
        continue;
      }
      if (steps.get(node.getId()).reads().contains(variable)) {
        return new Need(variable, node.getId());
      }
      Need need = onward(node, variable, next);
      if (need != null) {
        return need;
      }
    }
    return null;
  }

  /**
   * After a step's own reads: its boundary events (armed when it starts, before it writes), then,
   * unless it writes {@code variable}, what follows it; a condition on the way that reads it.
   */
  private Need onward(FlowNode node, String variable, Deque<FlowNode> next) {
    next.addAll(boundaryEvents.getOrDefault(node.getId(), List.of()));
    if (steps.get(node.getId()).writes().contains(variable)) {
      return null;
    }
    if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
      next.addAll(starts(sub));
      next.addAll(eventSubProcessStarts(sub));
    }
    if (node.getOutgoing().isEmpty() && node.getParentElement() instanceof SubProcess parent) {
      parent.getOutgoing().forEach(flow -> next.add(flow.getTarget())); // the subprocess completes
    }
    for (SequenceFlow flow : node.getOutgoing()) {
      if (conditionReads.getOrDefault(flow.getId(), Set.of()).contains(variable)) {
        return new Need(variable, node.getId());
      }
      next.add(flow.getTarget());
    }
    return null;
  }

  private static List<FlowNode> starts(SubProcess sub) {
    return sub.getChildElementsByType(StartEvent.class).stream().map(FlowNode.class::cast).toList();
  }

  private static List<FlowNode> eventSubProcessStarts(ModelElementInstance scope) {
    return scope.getChildElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent)
        .flatMap(sub -> starts(sub).stream()).toList();
  }

  private static void describe(FlowNode node, Map<String, Set<String>> forms, Map<String, Set<String>> decisionReads,
      Map<String, Set<String>> stepWrites, Set<String> reads, Set<String> writes) {
    if (node instanceof UserTask task) {
      for (String expression : new String[] {task.getCamundaAssignee(), task.getCamundaCandidateGroups(),
          task.getCamundaCandidateUsers(), task.getCamundaDueDate(), task.getCamundaFollowUpDate(),
          task.getCamundaPriority()}) {
        reads.addAll(readIn(expression));
      }
      if (task.getCamundaFormRef() != null) {
        writes.addAll(forms.getOrDefault(task.getCamundaFormRef(), Set.of()));
      }
      for (CamundaTaskListener listener : extensions(task, CamundaTaskListener.class)) {
        writes.addAll(stepWrites.getOrDefault(beanName(listener.getCamundaDelegateExpression()), Set.of()));
      }
    }
    if (node instanceof ServiceTask task) {
      writes.addAll(stepWrites.getOrDefault(beanName(task.getCamundaDelegateExpression()), Set.of()));
    }
    if (node instanceof BusinessRuleTask task) {
      reads.addAll(decisionReads.getOrDefault(task.getCamundaDecisionRef(), Set.of()));
      if (task.getCamundaResultVariable() != null) {
        writes.add(task.getCamundaResultVariable());
      }
    }
    if (node instanceof CallActivity call) {
      for (CamundaIn in : extensions(call, CamundaIn.class)) {
        if (in.getCamundaSource() != null) {
          reads.add(in.getCamundaSource());
        }
        reads.addAll(readIn(in.getCamundaSourceExpression()));
      }
      for (CamundaOut out : extensions(call, CamundaOut.class)) {
        if (out.getCamundaTarget() != null) {
          writes.add(out.getCamundaTarget());
        }
      }
    }
    if (node instanceof CatchEvent event) {
      event.getEventDefinitions().forEach(definition -> {
        if (definition instanceof TimerEventDefinition timer) {
          for (BaseElement part : new BaseElement[] {timer.getTimeDate(), timer.getTimeDuration(), timer.getTimeCycle()}) {
            reads.addAll(readIn(part == null ? null : part.getTextContent()));
          }
        } else if (definition instanceof ConditionalEventDefinition conditional
            && conditional.getCondition() != null) {
          reads.addAll(readIn(conditional.getCondition().getTextContent()));
        } else if (definition instanceof MessageEventDefinition message && message.getMessage() != null) {
          writes.addAll(stepWrites.getOrDefault(message.getMessage().getName(), Set.of()));
        }
      });
    }
    if (node instanceof ReceiveTask task && task.getMessage() != null) {
      writes.addAll(stepWrites.getOrDefault(task.getMessage().getName(), Set.of()));
    }
    // input mappings run first: the step's other reads may read them (local to it, no write beyond it)
    Set<String> inputs = new LinkedHashSet<>();
    Set<String> inputReads = new LinkedHashSet<>();
    for (CamundaInputParameter input : extensions(node, CamundaInputParameter.class)) {
      inputs.add(input.getCamundaName());
      inputReads.addAll(readIn(input.getTextContent()));
    }
    reads.removeAll(inputs);
    reads.addAll(inputReads);
    for (CamundaOutputParameter output : extensions(node, CamundaOutputParameter.class)) {
      writes.add(output.getCamundaName());
    }
    for (CamundaExecutionListener listener : extensions(node, CamundaExecutionListener.class)) {
      writes.addAll(stepWrites.getOrDefault(beanName(listener.getCamundaDelegateExpression()), Set.of()));
    }
  }

  /** The extension elements of a type on an element, also inside its input/output block. */
  private static <T extends ModelElementInstance> List<T> extensions(BaseElement element, Class<T> type) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return List.of();
    }
    List<T> found = new ArrayList<>(extensions.getChildElementsByType(type));
    extensions.getChildElementsByType(CamundaInputOutput.class)
        .forEach(inputOutput -> found.addAll(inputOutput.getChildElementsByType(type)));
    return found;
  }

  /** The variables the expressions in a text read: {@code PT1H} or {@code dispatchers} are literals. */
  private static Set<String> readIn(String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text != null) {
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        names.addAll(Expressions.variables(expression.group(1)));
      }
    }
    return names;
  }

  /** {@code ${someDelegate}} → someDelegate. */
  private static String beanName(String delegateExpression) {
    if (delegateExpression == null) {
      return null;
    }
    String name = delegateExpression.trim();
    return name.length() > 3 ? name.substring(2, name.length() - 1).trim() : name;
  }
}
