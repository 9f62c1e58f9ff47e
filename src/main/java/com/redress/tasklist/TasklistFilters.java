package com.redress.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import com.redress.language.InstallationLanguage;
import com.redress.language.Language;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters: "My tasks", "My group tasks" and "All", each showing the complaint
 * reference, severity and due date next to every task. Their names, descriptions and column labels
 * are in the installation's language (one set per installation, docs/adr/0018): a changed
 * {@code redress.language} renames them at the next start.
 */
@Component
class TasklistFilters {

  /** Which of Redress's filters a filter row is: a property of its own, since its name changes with the language. */
  static final String KIND = "redressFilter";

  enum Kind { MY_TASKS, MY_GROUP_TASKS, ALL }

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final MessageSource messages;
  private final Locale locale;

  TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      MessageSource messages, InstallationLanguage installation) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.messages = messages;
    this.locale = installation.get().locale();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void setUp() {
    List<Filter> existing = filterService.createFilterQuery().list();
    ensure(existing, Kind.MY_TASKS, -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(existing, Kind.MY_GROUP_TASKS, -5,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    // every task the user may see; authorizations decide which those are
    ensure(existing, Kind.ALL, 0, taskService.createTaskQuery().orderByDueDate().asc());
  }

  private void ensure(List<Filter> existing, Kind kind, int priority, TaskQuery query) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KIND, kind.name());
    properties.put("description", text("tasklist.filter." + kind + ".description", locale));
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", TaskColumns.NAMES.stream()
        .map(variable -> Map.of("name", variable, "label", text("tasklist.column." + variable, locale))).toList());
    String name = text("tasklist.filter." + kind + ".name", locale);
    Filter filter = existing.stream().filter(f -> isOf(f, kind)).findFirst().orElse(null);
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
      filterService.saveFilter(filter);
    } else if (!name.equals(filter.getName()) || !properties.equals(filter.getProperties())) {
      // another language than at the last start, or a filter of the time before languages
      filterService.saveFilter(filter.setName(name).setProperties(properties));
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

  /** Marked as this kind, or (created before the mark) named as this kind in any language. */
  private boolean isOf(Filter filter, Kind kind) {
    Object mark = filter.getProperties() == null ? null : filter.getProperties().get(KIND);
    return mark != null ? kind.name().equals(mark) : Arrays.stream(Language.values())
        .anyMatch(language -> Objects.equals(filter.getName(), text("tasklist.filter." + kind + ".name",
            language.locale())));
  }

  private String text(String key, Locale in) {
    return messages.getMessage(key, null, in);
  }
}
