package com.redress.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What deploying gives the deployer: Camunda grants the creator of a deployment READ and DELETE on
 * it, and deleting a deployment with cascade removes its running complaints and their history. An
 * analyst's deployment now grants READ only; only administrators delete deployments, and engine
 * REST refuses that too while instances of it run (EngineRestAllowList). The DELETE grants that
 * earlier deployments left behind are removed at every start.
 */
@Component
class DeploymentGrants extends AbstractProcessEnginePlugin {

  private final AuthorizationService authorizations;

  DeploymentGrants(@org.springframework.context.annotation.Lazy AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      public AuthorizationEntity[] newDeployment(Deployment deployment) {
        AuthorizationEntity[] granted = super.newDeployment(deployment);
        // none when nobody is signed in (the application's own deployments)
        for (AuthorizationEntity authorization : granted == null ? new AuthorizationEntity[0] : granted) {
          authorization.removePermission(Permissions.DELETE);
        }
        return granted;
      }
    });
  }

  /** Removes DELETE from every deployer's grant on a deployment (administrators keep theirs through their group). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void removeDeployersDeleteGrants() {
    for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
        .authorizationType(Authorization.AUTH_TYPE_GRANT).hasPermission(Permissions.DELETE).unlimitedList()) {
      if (grant.getUserId() != null && !Authorization.ANY.equals(grant.getResourceId())) {
        grant.removePermission(Permissions.DELETE);
        try {
          authorizations.saveAuthorization(grant);
        } catch (OptimisticLockingException anotherNodeDidIt) {
          // nodes starting together: the other one removed it
        }
      }
    }
  }
}
