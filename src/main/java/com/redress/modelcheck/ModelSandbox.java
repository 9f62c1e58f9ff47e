package com.redress.modelcheck;

import com.redress.shared.FeelOnlyDecisions;
import java.util.ArrayList;
import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * What a deployed model can make the engine do, decided by the engine's configuration rather than
 * by reading the model: expressions through {@link ModelExpressions}, no script in any language
 * (script tasks, script listeners, script conditions and input/output scripts find no script
 * engine), steps that run Redress's delegates only (the parser refuses classes, built-in types such
 * as {@code shell}, connectors), and decisions in FEEL only ({@link FeelOnlyDecisions}). The model check
 * ({@link DeploymentCheck}) refuses such models earlier, with reasons; this is what holds if a
 * model gets past it.
 */
@Component
class ModelSandbox extends AbstractProcessEnginePlugin {

  private final ListableBeanFactory factory;
  private volatile ModelBeans beans;

  ModelSandbox(ListableBeanFactory factory) {
    this.factory = factory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // replaces the Spring starter's manager, which resolves every bean and calls any method
    configuration.setExpressionManager(new ModelExpressions(factory, this::beans));
    configuration.setScriptEngineResolver(new NoScripts());
    configuration.setDmnEngineConfiguration(FeelOnlyDecisions.configuration());
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new StepsRunDelegatesOnly());
  }

  /**
   * The engine's parser refuses a process any of whose steps, listeners or messages would run
   * something else than a Redress delegate ({@link StepImplementations}): also a model that reached
   * the engine past the model check.
   */
  private final class StepsRunDelegatesOnly extends AbstractBpmnParseListener {

    private final Namespace camunda = new Namespace(StepImplementations.CAMUNDA_NAMESPACES.get(0),
        StepImplementations.CAMUNDA_NAMESPACES.get(1));

    @Override
    public void parseProcess(Element process, ProcessDefinitionEntity definition) {
      String file = definition.getResourceName() == null ? definition.getKey() : definition.getResourceName();
      List<ModelProblem> problems = new ArrayList<>();
      check(process, file, problems);
      if (!problems.isEmpty()) {
        throw new DeploymentCheck.RefusedDeployment(definition.getKey(), problems);
      }
    }

    private void check(Element element, String file, List<ModelProblem> problems) {
      String id = element.attribute("id") == null ? "-" : element.attribute("id");
      String tag = element.getTagName().substring(element.getTagName().indexOf(':') + 1);
      boolean camundaElement = StepImplementations.isCamunda(element.getUri());
      if (camundaElement && StepImplementations.CODE_ELEMENTS.contains(tag) || tag.equals("scriptTask")) {
        problems.add(StepImplementations.codeElement(file, id, tag));
      }
      for (String attribute : StepImplementations.CODE_ATTRIBUTES) {
        String value = value(element, camundaElement, attribute);
        if (value != null) {
          problems.add(StepImplementations.codeAttribute(file, id, attribute, value));
        }
      }
      for (String attribute : StepImplementations.DELEGATE_ATTRIBUTES) {
        String value = value(element, camundaElement, attribute);
        ModelProblem problem = value == null ? null : StepImplementations.delegate(file, id, value, beans());
        if (problem != null) {
          problems.add(problem);
        }
      }
      element.elements().forEach(child -> check(child, file, problems));
    }

    /** camunda:class on a BPMN element; plain class on a Camunda extension element (camunda:taskListener). */
    private String value(Element element, boolean camundaElement, String attribute) {
      String value = element.attributeNS(camunda, attribute);
      return value == null && camundaElement ? element.attribute(attribute) : value;
    }
  }

  /** Looked up on first use: when the engine is built, not every bean is defined yet. */
  private ModelBeans beans() {
    ModelBeans known = beans;
    if (known == null) {
      known = ModelBeans.of(factory);
      beans = known;
    }
    return known;
  }

  /** Refuses every script language, JUEL scripts and the JDK's own engines included. */
  private static final class NoScripts implements ScriptEngineResolver {

    private final ScriptEngineManager none = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      // the engine registers its JUEL script engine here; it stays unused
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return none;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      throw new ProcessEngineException("Scripts are refused: '" + language
          + "' cannot run in Redress; steps are delegates from the element templates");
    }
  }
}
