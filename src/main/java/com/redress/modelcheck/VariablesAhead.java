package com.redress.modelcheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
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
 * Within a step its own reads come before its writes, and a gateway's conditions after the step
 * before it. What code reads by itself is code's: a step that requires a variable says so when it runs.
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
  private final Set<String> read = new LinkedHashSet<>();

  /**
   * @param forms the field keys of each form deployed with the model, by form id
   * @param decisionInputs the variables each decision deployed with the model reads, by decision id
   * @param stepWrites what code writes, by the bean or message that writes it
   * @param beans names an expression resolves to a bean, not a variable
   */
  VariablesAhead(BpmnModelInstance model, Map<String, Set<String>> forms, Map<String, Set<String>> decisionInputs,
      Map<String, Set<String>> stepWrites, Set<String> beans) {
    this.model = model;
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      Set<String> reads = new LinkedHashSet<>();
      Set<String> writes = new LinkedHashSet<>();
      describe(node, forms, decisionInputs, stepWrites, reads, writes);
      reads.removeAll(beans);
      steps.put(node.getId(), new Step(reads, writes));
      read.addAll(reads);
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
   * The variables an instance standing at {@code activityIds} (ids of this version) will read
   * before anything writes them, each with the first element found to read it; {@code has} are the
   * ones the instance has (a null value counts: it is a value the model can test).
   */
  public List<Need> missing(Collection<String> activityIds, Set<String> has) {
    return read.stream().filter(variable -> !has.contains(variable))
        .map(variable -> firstRead(variable, activityIds)).filter(Objects::nonNull).toList();
  }

  /** Where a path from {@code from} reads {@code variable} before a step writes it, or null. */
  private Need firstRead(String variable, Collection<String> from) {
    Deque<FlowNode> next = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (String id : from) {
      if (model.getModelElementById(id) instanceof FlowNode node) {
        next.add(node);
        // an event subprocess may start whenever its scope is active
        for (ModelElementInstance scope = node.getParentElement(); scope != null; scope = scope.getParentElement()) {
          eventSubProcessStarts(scope).forEach(next::add);
        }
      }
    }
    while (!next.isEmpty()) {
      FlowNode node = next.poll();
      if (!seen.add(node.getId())) {
        continue;
      }
      Step step = steps.get(node.getId());
      if (step.reads().contains(variable)) {
        return new Need(variable, node.getId());
      }
      // a boundary event is armed when its activity starts, before the activity writes anything
      boundaryEvents(node).forEach(next::add);
      if (step.writes().contains(variable)) {
        continue;
      }
      if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
        starts(sub).forEach(next::add);
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
    }
    return null;
  }

  private List<BoundaryEvent> boundaryEvents(FlowNode node) {
    return node instanceof Activity ? model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(event -> event.getAttachedTo() == node).toList() : List.of();
  }

  private static List<FlowNode> starts(SubProcess sub) {
    return sub.getChildElementsByType(StartEvent.class).stream().map(FlowNode.class::cast).toList();
  }

  private static List<FlowNode> eventSubProcessStarts(ModelElementInstance scope) {
    return scope.getChildElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent)
        .flatMap(sub -> starts(sub).stream()).toList();
  }

  private static void describe(FlowNode node, Map<String, Set<String>> forms, Map<String, Set<String>> decisionInputs,
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
      decisionInputs.getOrDefault(task.getCamundaDecisionRef(), Set.of()).forEach(reads::add);
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
    for (CamundaInputParameter input : extensions(node, CamundaInputParameter.class)) {
      reads.addAll(readIn(input.getTextContent()));
      writes.add(input.getCamundaName());
    }
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
