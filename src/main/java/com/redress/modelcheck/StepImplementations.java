package com.redress.modelcheck;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a model's steps may be implemented: by a delegate or listener bean of Redress named in a
 * delegate expression ({@code ${registerComplaintDelegate}}), nothing else. Camunda would also run
 * a Java class by name ({@code camunda:class}, {@code formHandlerClass}, {@code variableMappingClass}),
 * one of its built-in behaviours by type ({@code camunda:type="shell"} runs an operating-system
 * command, {@code "mail"} sends mail), a connector or a script. The model check and the engine's
 * parser ({@link ModelSandbox}) apply the same rules; both read the Camunda namespace and its old
 * Activiti alias, which the engine honours alike.
 */
final class StepImplementations {

  static final List<String> CAMUNDA_NAMESPACES = List.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
  /** Attributes that name code to run. */
  static final Set<String> CODE_ATTRIBUTES = Set.of("class", "type", "formHandlerClass", "variableMappingClass");
  /** Attributes that name a bean to run. */
  static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
  /** Extension elements that run code. */
  static final Set<String> CODE_ELEMENTS = Set.of("connector", "script");
  private static final Pattern ONE_BEAN = Pattern.compile("^[$#]\\{(\\w+)}$");

  private StepImplementations() {
  }

  static boolean isCamunda(String namespace) {
    return CAMUNDA_NAMESPACES.contains(namespace);
  }

  static ModelProblem codeAttribute(String file, String element, String attribute, String value) {
    return ModelProblem.error(file, element, "sets camunda:" + attribute + "=\"" + value + "\", which runs code",
        "remove it and apply a Redress element template: steps run Redress's delegates only");
  }

  static ModelProblem codeElement(String file, String element, String name) {
    return ModelProblem.error(file, element, "has a camunda:" + name,
        "use a Redress element template instead; " + name + "s run with the application's rights");
  }

  /** Why a delegate expression is refused, or null when it names one of Redress's delegates or listeners. */
  static ModelProblem delegate(String file, String element, String expression, ModelBeans beans) {
    if (expression == null) {
      return ModelProblem.error(file, element, "has no delegate expression",
          "apply a Redress element template (Modeler: Template › Select), which sets ${beanName}");
    }
    Matcher bean = ONE_BEAN.matcher(expression.strip());
    if (!bean.matches()) {
      return ModelProblem.error(file, element, "delegate expression " + expression + " must name one bean",
          "write it as ${beanName}, or apply a Redress element template");
    }
    if (!beans.delegates().contains(bean.group(1))) {
      return ModelProblem.error(file, element, "names bean '" + bean.group(1) + "', "
          + (beans.all().contains(bean.group(1)) ? "which is not a delegate or listener" : "which does not exist"),
          "pick the step from the Redress element templates instead of typing the bean name");
    }
    return null;
  }
}
