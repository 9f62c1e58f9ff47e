package com.redress.support;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * Deploys models as an earlier release left them in a database, which today's model check would
 * refuse (it checks only new deployments): the check is taken out of the engine's deployers for
 * the one deployment and put back.
 */
public final class PastTheModelCheck {

  private PastTheModelCheck() {
  }

  /** Deploys what {@code resources} adds without today's check, then puts the check back. */
  public static Deployment deploy(ProcessEngine engine, String name, Consumer<DeploymentBuilder> resources) {
    List<Deployer> deployers = deployersInUse(engine);
    List<Deployer> checks = new ArrayList<>(deployers.stream()
        .filter(d -> d.getClass().getName().contains("DeploymentCheck")).toList());
    if (checks.size() != 1) {
      throw new IllegalStateException("Expected today's model check among the deployers, found " + checks);
    }
    deployers.removeAll(checks);
    try {
      DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(name);
      resources.accept(deployment);
      return deployment.deploy();
    } finally {
      deployers.addAll(0, checks);
    }
  }

  /** Today's model or form, under the name the application deploys it with. */
  public static InputStream current(String path) {
    return PastTheModelCheck.class.getResourceAsStream("/" + path);
  }

  /** A model as an earlier release shipped it (src/test/resources/earlier-models). */
  public static InputStream earlier(String name) {
    return PastTheModelCheck.class.getResourceAsStream("/earlier-models/" + name);
  }

  /** The list the deployment cache runs (the engine keeps it in its cache deployer, out of public reach). */
  @SuppressWarnings("unchecked")
  private static List<Deployer> deployersInUse(ProcessEngine engine) {
    try {
      Object cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
      Field cacheDeployer = cache.getClass().getDeclaredField("cacheDeployer");
      cacheDeployer.setAccessible(true);
      Object deployer = cacheDeployer.get(cache);
      Field list = deployer.getClass().getDeclaredField("deployers");
      list.setAccessible(true);
      return (List<Deployer>) list.get(deployer);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
