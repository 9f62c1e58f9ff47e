package com.redress.modelcheck;

import com.redress.shared.FeelOnlyDecisions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployed model may do in its expressions, checked on the parsed expression (the engine's
 * own JUEL parser), so that quotes, braces or spacing cannot hide a call. The engine's expression
 * manager ({@link ModelExpressions}) enforces the same when an expression is evaluated; this check
 * says why a model is refused before it is deployed. Models may read variables and the beans
 * marked {@link com.redress.shared.ExposedToModels}, a few accessors of the execution and task,
 * name delegates in delegate expressions, and nothing else: no method or function calls, no other
 * beans, no scripts, no expression language but FEEL in decisions.
 */
final class ExpressionSafety {

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS);
  /** The engine's objects of the running case: read through their listed properties, never whole. */
  private static final Set<String> CASE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution");

  private ExpressionSafety() {
  }

  /** Every attribute and text of a BPMN file, delegate expressions aside (the delegate check has them). */
  static void checkBpmn(String file, Node document, ModelBeans beans, List<ModelProblem> problems) {
    visit(document, (element, attribute, text) -> {
      if (text == null) {
        if (StepImplementations.isCamunda(element.getNamespaceURI())
            && StepImplementations.CODE_ELEMENTS.contains(element.getLocalName())) {
          problems.add(StepImplementations.codeElement(file, FeelOnlyDecisions.ownerId(element), element.getLocalName()));
        }
        return;
      }
      if (attribute != null && StepImplementations.CODE_ATTRIBUTES.contains(attribute)) {
        problems.add(StepImplementations.codeAttribute(file, FeelOnlyDecisions.ownerId(element), attribute, text));
        return;
      }
      // delegate expressions name one bean: the delegate check has them
      if (attribute != null && StepImplementations.DELEGATE_ATTRIBUTES.contains(attribute)
          || !(text.contains("${") || text.contains("#{"))) {
        return;
      }
      String owner = FeelOnlyDecisions.ownerId(element);
      try {
        check(file, owner, text.strip(), PARSER.build(text).getRoot(), beans, problems);
      } catch (TreeBuilderException e) {
        problems.add(ModelProblem.error(file, owner, "expression " + text.strip() + " cannot be parsed: "
            + e.getMessage(), "write it as ${variable} or a comparison such as ${surveyScore <= 2}"));
      }
    });
  }

  /** Decisions are evaluated in FEEL, which reaches no beans; JUEL or a script language would. */
  static void checkDmn(String file, Node document, List<ModelProblem> problems) {
    FeelOnlyDecisions.foreignLanguages(document).forEach(foreign -> problems.add(ModelProblem.error(file,
        foreign.elementId(), "uses expression language '" + foreign.language() + "'",
        "remove the expression language: Redress evaluates decisions in FEEL only")));
  }

  /** Walks the expression's syntax tree; reports the first thing in each branch it may not do. */
  private static void check(String file, String element, String expression, org.camunda.bpm.impl.juel.Node node,
      ModelBeans beans,
      List<ModelProblem> problems) {
    if (node instanceof AstMethod) {
      problems.add(ModelProblem.error(file, element, "expression " + expression + " calls a method",
          "read a variable instead (e.g. ${resolutionDue}); steps that do something are delegates from the element templates"));
      return;
    }
    if (node instanceof AstFunction function) {
      problems.add(ModelProblem.error(file, element, "expression " + expression + " calls function "
          + function.getName() + "()", "read a variable instead; models call no functions"));
      return;
    }
    if (node instanceof AstProperty && node.getChild(0) instanceof AstIdentifier base
        && (base.getName().equals("execution") || base.getName().equals("task"))) {
      Set<String> allowed = base.getName().equals("execution") ? ModelExpressions.EXECUTION_PROPERTIES.keySet()
          : ModelExpressions.TASK_PROPERTIES.keySet();
      String property = node instanceof AstDot ? node.toString().substring(2) : null;
      if (property == null || !allowed.contains(property)) {
        problems.add(ModelProblem.error(file, element, "expression " + expression + " reads "
            + base.getName() + (property == null ? "[…]" : "." + property),
            "read one of " + new TreeSet<>(allowed) + " of the " + base.getName() + ", or a process variable"));
      }
      return;
    }
    if (node instanceof AstIdentifier identifier) {
      String bean = identifier.getName();
      if (CASE_OBJECTS.contains(bean)) {
        problems.add(ModelProblem.error(file, element, "expression " + expression + " hands over the whole " + bean,
            "read one of its listed properties (e.g. ${execution.processBusinessKey}) or a process variable"));
        return;
      }
      if (beans.all().contains(bean) && !beans.exposed().contains(bean)) {
        problems.add(ModelProblem.error(file, element, "expression " + expression + " reads bean '" + bean + "'",
            "read a process variable instead; expressions may only reach beans marked @ExposedToModels"));
      }
      return;
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      check(file, element, expression, node.getChild(i), beans, problems);
    }
  }

  private interface Visitor {
    /** An element ({@code text} null), one of its attributes ({@code attribute}: its Camunda name, else null) or its text. */
    void visit(Element element, String attribute, String text);
  }

  private static void visit(Node node, Visitor visitor) {
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element element) {
        visitor.visit(element, null, null);
        NamedNodeMap attributes = element.getAttributes();
        for (int a = 0; a < attributes.getLength(); a++) {
          Attr attribute = (Attr) attributes.item(a);
          // camunda:class on a task, plain class on camunda:taskListener and the like
          String namespace = attribute.getNamespaceURI() != null ? attribute.getNamespaceURI() : element.getNamespaceURI();
          visitor.visit(element, StepImplementations.isCamunda(namespace) ? attribute.getLocalName() : null,
              attribute.getValue());
        }
        visit(element, visitor);
      } else if (node instanceof Element parent
          && (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)) {
        visitor.visit(parent, null, child.getNodeValue());
      }
    }
  }
}
