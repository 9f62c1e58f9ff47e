package com.redress.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created once by name: "My tasks", "My group tasks" and "All",
 * each showing the complaint reference, severity and due date next to every task.
 */
@Component
class TasklistFilters {

  static final String MY_TASKS = "My tasks";
  static final String MY_GROUP_TASKS = "My group tasks";
  static final String ALL = "All";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void setUp() {
    ensure(MY_TASKS, -10, "Tasks assigned to me",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(MY_GROUP_TASKS, -5, "Tasks offered to my groups",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    // every task the user may see; authorizations decide which those are
    ensure(ALL, 0, "Every task I am allowed to see", taskService.createTaskQuery().orderByDueDate().asc());
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).list().stream().findFirst().orElse(null);
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables",
          TaskColumns.NAMES.stream().map(variable -> column(variable, TaskColumns.LABELS.get(variable))).toList());
      filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
      filterService.saveFilter(filter);
    }
    boolean everyoneReads = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filter.getId()).authorizationType(AUTH_TYPE_GLOBAL).count() > 0;
    if (!everyoneReads) {
      // a global authorization is the one that applies to every user ("*" on a grant does not)
      Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(everyone);
    }
  }

  private static Map<String, String> column(String variable, String label) {
    return Map.of("name", variable, "label", label);
  }
}
