package com.redress.shared;

import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.DmnScriptEngineResolver;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decisions are evaluated in FEEL only. FEEL reaches no Java (Camunda builds its FEEL engine with
 * external functions off); a decision in JUEL or a script language would run with the
 * application's rights. The DMN engines configured here refuse any other language when a decision
 * is evaluated, and {@link #foreignLanguages} names the elements that declare one, so that a
 * deployment or an upload is refused before that.
 */
public final class FeelOnlyDecisions {

  private static final Set<String> FEEL = Set.of(FEEL_EXPRESSION_LANGUAGE, FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
      FEEL_EXPRESSION_LANGUAGE_DMN12, FEEL_EXPRESSION_LANGUAGE_DMN13, FEEL_EXPRESSION_LANGUAGE_DMN14,
      FEEL_EXPRESSION_LANGUAGE_DMN15).stream().map(l -> l.toLowerCase(Locale.ROOT))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** An element of a DMN file that declares a language other than FEEL. */
  public record ForeignLanguage(String elementId, String language) {
  }

  private FeelOnlyDecisions() {
  }

  /** A DMN engine configuration whose JUEL and script languages refuse to evaluate anything. */
  public static DefaultDmnEngineConfiguration configuration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    ElProvider noJuel = expression -> {
      throw refused("juel");
    };
    DmnScriptEngineResolver noScripts = language -> {
      throw refused(language);
    };
    configuration.setElProvider(noJuel);
    configuration.setScriptEngineResolver(noScripts);
    return configuration;
  }

  /** A plain DMN engine (outside the process engine) with the same restriction. */
  public static DmnEngine engine() {
    return configuration().buildEngine();
  }

  public static boolean isFeel(String language) {
    return language == null || language.isBlank() || FEEL.contains(language.strip().toLowerCase(Locale.ROOT));
  }

  /** Every element of a parsed DMN document that declares a language other than FEEL, in document order. */
  public static List<ForeignLanguage> foreignLanguages(Node document) {
    List<ForeignLanguage> found = new ArrayList<>();
    collect(document, found);
    return found;
  }

  private static void collect(Node node, List<ForeignLanguage> found) {
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element) {
        String language = element.getAttribute("expressionLanguage");
        if (!isFeel(language)) {
          found.add(new ForeignLanguage(ownerId(element), language));
        }
        collect(element, found);
      }
    }
  }

  /** The id of the nearest element that has one: what Modeler selects. */
  public static String ownerId(Element element) {
    for (Node node = element; node instanceof Element e; node = e.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return e.getAttribute("id");
      }
    }
    return "-";
  }

  private static DmnEngineException refused(String language) {
    return new DmnEngineException("Expression language '" + language
        + "' is refused: Redress evaluates decisions in FEEL only");
  }
}
