package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions run in FEEL and nothing else, also when a decision in another language gets past the
 * checks that refuse it: the DMN engine Redress builds refuses to evaluate JUEL and scripts, and
 * FEEL cannot call into Java.
 */
class FeelOnlyDecisionsTest {

  private final DmnEngine engine = FeelOnlyDecisions.engine();

  @TempDir
  Path folder;

  @Test
  void juelAndScriptsAreRefusedWhenEvaluated() {
    String command = "touch " + folder.resolve("owned");
    String juel = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('"
        + command + "')}";
    for (String[] language : new String[][] {{"juel", juel}, {"javascript", "java.lang.Runtime.getRuntime().exec('"
        + command + "')"}, {"groovy", "'" + command + "'.execute()"}}) {
      DmnDecision decision = parse(table(language[0], language[1]));

      assertThatThrownBy(() -> engine.evaluateDecisionTable(decision, Map.of("x", 1))).as(language[0])
          .hasStackTraceContaining("Redress evaluates decisions in FEEL only");
    }
    assertThat(folder.resolve("owned")).doesNotExist();
  }

  @Test
  void feelCannotCallJava() {
    String external = "(function(k, v) external {java: {class: \"java.lang.System\","
        + " method signature: \"setProperty(java.lang.String, java.lang.String)\"}})(\"redress.owned\", \"yes\")";
    DmnDecision decision = parse(table("feel", external));

    try {
      engine.evaluateDecisionTable(decision, Map.of("x", 1));
    } catch (RuntimeException refused) {
      // refused or evaluated to nothing: either way nothing ran
    }
    assertThat(System.getProperty("redress.owned")).isNull();
  }

  @Test
  void foreignLanguagesAreNamedWithTheirElement() {
    String model = table("javascript", "1");

    assertThat(FeelOnlyDecisions.foreignLanguages(Dmn.readModelFromStream(new ByteArrayInputStream(
        model.getBytes(StandardCharsets.UTF_8))).getDocument().getDomSource().getNode()))
        .containsExactly(new FeelOnlyDecisions.ForeignLanguage("Expr_X", "javascript"));
    assertThat(FeelOnlyDecisions.isFeel("https://www.omg.org/spec/DMN/20191111/FEEL/")).isTrue();
    assertThat(FeelOnlyDecisions.isFeel(null)).isTrue();
    assertThat(FeelOnlyDecisions.isFeel("JUEL")).isFalse();
  }

  private DmnDecision parse(String xml) {
    return engine.parseDecision("Probe", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** One input whose expression is {@code text} in {@code language}, one rule that always matches. */
  private static String table(String language, String text) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Defs" name="Probe" namespace="probe">
          <decision id="Probe" name="Probe">
            <decisionTable id="Table">
              <input id="Input_X">
                <inputExpression id="Expr_X" expressionLanguage="LANGUAGE"><text><![CDATA[TEXT]]></text></inputExpression>
              </input>
              <output id="Output_Y" name="y" typeRef="string"/>
              <rule id="Rule_1">
                <inputEntry id="Entry_1"><text>-</text></inputEntry>
                <outputEntry id="Out_1"><text>"ok"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.replace("LANGUAGE", language).replace("TEXT", text).strip();
  }
}
