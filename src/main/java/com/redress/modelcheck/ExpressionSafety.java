package com.redress.modelcheck;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a deployed model may do in its expressions. The engine resolves names in expressions to
 * process variables and then to any Spring bean, so a model could call into the application: an
 * analyst's deployment right would be code execution. Models may read variables and the beans
 * marked {@link com.redress.shared.ExposedToModels}, name delegates in delegate expressions, and
 * nothing else: no method calls, no other beans, no scripts, no expression language but FEEL in
 * decisions.
 */
final class ExpressionSafety {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern CALL = Pattern.compile("[A-Za-z_]\\w*\\s*\\(");
  private static final Pattern NAME = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private ExpressionSafety() {
  }

  /** Every attribute and text of a BPMN file, delegate expressions aside (the delegate check has them). */
  static void checkBpmn(String file, Node document, ModelBeans beans, List<ModelProblem> problems) {
    visit(document, (element, text, isDelegateExpression) -> {
      if (text == null) {
        if (CAMUNDA_NS.equals(element.getNamespaceURI()) && element.getLocalName().equals("script")) {
          problems.add(ModelProblem.error(file, ownerId(element), "has a script",
              "use a Redress element template instead; scripts run with the application's rights"));
        }
        return;
      }
      if (isDelegateExpression) {
        return;
      }
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        check(file, ownerId(element), expression.group(), expression.group(1), beans, problems);
      }
    });
  }

  /** Decisions are evaluated in FEEL, which reaches no beans; JUEL or a script language would. */
  static void checkDmn(String file, Node document, List<ModelProblem> problems) {
    visit(document, (element, text, isDelegateExpression) -> {
      if (text != null) {
        return;
      }
      String language = element.getAttribute("expressionLanguage");
      if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).contains("feel")) {
        problems.add(ModelProblem.error(file, ownerId(element), "uses expression language '" + language + "'",
            "remove the expression language: Redress evaluates decisions in FEEL only"));
      }
    });
  }

  private static void check(String file, String element, String expression, String body, ModelBeans beans,
      List<ModelProblem> problems) {
    String code = Expressions.withoutStringLiterals(body);
    if (CALL.matcher(code).find()) {
      problems.add(ModelProblem.error(file, element, "expression " + expression + " calls a method",
          "read a variable instead (e.g. ${resolutionDue}); steps that do something are delegates from the element templates"));
      return;
    }
    Matcher name = NAME.matcher(code);
    while (name.find()) {
      String bean = name.group(1);
      if (beans.all().contains(bean) && !beans.exposed().contains(bean)) {
        problems.add(ModelProblem.error(file, element, "expression " + expression + " reads bean '" + bean + "'",
            "read a process variable instead; expressions may only reach beans marked @ExposedToModels"));
      }
    }
  }

  private interface Visitor {
    void visit(Element element, String text, boolean isDelegateExpression);
  }

  private static void visit(Node node, Visitor visitor) {
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element element) {
        visitor.visit(element, null, false);
        NamedNodeMap attributes = element.getAttributes();
        for (int a = 0; a < attributes.getLength(); a++) {
          Attr attribute = (Attr) attributes.item(a);
          // camunda:delegateExpression on a task, plain delegateExpression on camunda:taskListener and the like
          String namespace = attribute.getNamespaceURI() != null ? attribute.getNamespaceURI() : element.getNamespaceURI();
          visitor.visit(element, attribute.getValue(), CAMUNDA_NS.equals(namespace)
              && "delegateExpression".equals(attribute.getLocalName()));
        }
        visit(element, visitor);
      } else if (node instanceof Element parent
          && (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)) {
        visitor.visit(parent, child.getNodeValue(), false);
      }
    }
  }

  /** The id of the nearest element that has one: what Modeler selects for the problem. */
  private static String ownerId(Element element) {
    for (Node node = element; node instanceof Element e; node = e.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return e.getAttribute("id");
      }
    }
    return "-";
  }
}
