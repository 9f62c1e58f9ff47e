package com.redress.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.language.InstallationTexts;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates Redress's groups and their authorizations at every start, idempotently, in every
 * profile. Task visibility itself comes from the engine: a candidate group gets an
 * authorization on each of its tasks, so a group sees and works only its own tasks.
 */
@Component
class IdentitySetup {

  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final InstallationTexts texts;

  IdentitySetup(IdentityService identityService, AuthorizationService authorizationService, InstallationTexts texts) {
    this.texts = texts;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void setUp() {
    Groups.ALL.forEach(this::ensureGroup);
    for (String group : Groups.ALL) {
      grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      // lets Tasklist show the process name next to each task
      for (String process : List.of(ComplaintHandlingProcess.KEY, CompensationApprovalProcess.KEY,
          EmployeeAwardProcess.KEY)) {
        grant(group, Resources.PROCESS_DEFINITION, process, Permissions.READ);
      }
    }
    grant(Groups.INTAKE_AGENTS, Resources.PROCESS_DEFINITION, ComplaintHandlingProcess.KEY,
        Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Groups.INTAKE_AGENTS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // the committee starts a period's award run (POST /api/award-runs)
    grant(Groups.AWARD_COMMITTEE, Resources.PROCESS_DEFINITION, EmployeeAwardProcess.KEY,
        Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(Groups.AWARD_COMMITTEE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

    // auditors read everything that happened and change nothing
    grant(Groups.AUDITORS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(Groups.AUDITORS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE, Permissions.READ_TASK);
    // READ_INSTANCE on every definition already reads every instance; a second matching grant made
    // the engine's authorization joins (Cockpit's activity statistics) read every execution twice
    withdraw(Groups.AUDITORS, Resources.PROCESS_INSTANCE, ANY);
    grant(Groups.AUDITORS, Resources.TASK, ANY, Permissions.READ);
    grant(Groups.AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(Groups.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Groups.AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);

    // analysts look at models and how they run, and deploy from Modeler (the model check guards it)
    grant(Groups.PROCESS_ANALYSTS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
    grant(Groups.PROCESS_ANALYSTS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.PROCESS_ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Groups.PROCESS_ANALYSTS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(Groups.PROCESS_ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE);
  }

  /** The group, named in the installation's language; renamed when the language changed. */
  private void ensureGroup(String id) {
    String name = texts.text("group." + id);
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setType("WORKFLOW");
    } else if (name.equals(group.getName())) {
      return;
    }
    group.setName(name);
    identityService.saveGroup(group);
  }

  /** Removes the group's grant for this resource, which installations set up before kept. */
  private void withdraw(String groupId, Resource resource, String resourceId) {
    authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .authorizationType(AUTH_TYPE_GRANT).list()
        .forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
  }

  /** Grants the permissions, adding any that an existing grant for this resource lacks. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .list().stream().findFirst()
        .orElseGet(() -> {
          Authorization created = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
          created.setGroupId(groupId);
          created.setResource(resource);
          created.setResourceId(resourceId);
          return created;
        });
    boolean missing = List.of(permissions).stream().anyMatch(p -> !authorization.isPermissionGranted(p));
    if (missing) {
      List.of(permissions).forEach(authorization::addPermission);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
