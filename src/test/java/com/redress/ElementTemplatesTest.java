package com.redress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.support.ApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Modeler kit: every delegate the models call has an element template, and every template
 * names a delegate the application has, so an analyst picking one from the list gets a working task.
 */
class ElementTemplatesTest extends ApplicationTest {

  private static final Path TEMPLATES = Path.of(".camunda", "element-templates", "redress-delegates.json");
  private static final Pattern DELEGATE = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"");

  @Autowired ApplicationContext context;

  @Test
  void everyDelegateOfTheModelsHasATemplateAndEveryTemplateAWorkingDelegate() throws IOException {
    Set<String> templated = new HashSet<>();
    for (JsonNode template : new ObjectMapper().readTree(TEMPLATES.toFile())) {
      assertThat(template.get("id").asText()).startsWith("com.redress.");
      assertThat(template.get("name").asText()).startsWith("Redress: ");
      assertThat(template.get("description").asText()).isNotBlank();
      String expression = template.get("properties").get(0).get("value").asText();
      String bean = expression.substring(2, expression.length() - 1);
      assertThat(context.containsBean(bean)).as(bean).isTrue();
      assertThat(context.getBean(bean)).as(bean).isInstanceOf(JavaDelegate.class);
      templated.add(bean);
    }
    Set<String> used = new HashSet<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher delegate = DELEGATE.matcher(Files.readString(model));
        while (delegate.find()) {
          if (context.getBean(delegate.group(1)) instanceof JavaDelegate) {
            used.add(delegate.group(1));
          }
        }
      }
    }
    assertThat(templated).containsAll(used);
  }
}
