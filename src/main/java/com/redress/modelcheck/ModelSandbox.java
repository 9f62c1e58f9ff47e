package com.redress.modelcheck;

import com.redress.shared.FeelOnlyDecisions;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * What a deployed model can make the engine do, decided by the engine's configuration rather than
 * by reading the model: expressions through {@link ModelExpressions}, no script in any language
 * (script tasks, script listeners, script conditions and input/output scripts find no script
 * engine), and decisions in FEEL only ({@link FeelOnlyDecisions}). The model check
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
