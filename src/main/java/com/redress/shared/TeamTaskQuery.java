package com.redress.shared;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * Recognises the task query of Tasklist's "My group tasks" (and of engine REST's {@code /task}
 * asked the same): the tasks of some candidate groups, assigned ones included or not, active or
 * suspended ones only or both (Tasklist asks for the active ones), in any order of the task's own
 * columns (Tasklist's default: newest first), and nothing else. engine/redress-statements.xml answers that shape
 * with criteria of its own (docs/adr/0020-task-visibility-at-scale.md); every other query keeps the
 * engine's. A criterion this class does not know of, as a later engine version may add, makes the
 * query another shape: any field that differs from a new query's, other than those named here.
 */
public final class TeamTaskQuery {

  /** The fields of the shape itself, and those that only carry how the query runs. */
  private static final Set<String> SHAPE_AND_RUNNING = Set.of(
      "candidateGroup", "candidateGroups", "includeAssignedTasks", "suspensionState",
      // what the engine does with the rows in Java: form keys, comment and attachment flags
      "initializeFormKeys", "withCommentAttachmentInfo",
      // how variable criteria compare, which a query without variable criteria does not use
      "variableNamesIgnoreCase", "variableValuesIgnoreCase",
      // the candidate groups of an expression (Tasklist's ${currentUserGroups()}) and their caches
      "expressions", "cachedCandidateGroups", "cachedUserGroups", "queries",
      // AbstractQuery's and ListQueryParameterObject's: execution, paging, order, checks
      "commandExecutor", "resultType", "validators", "maxResultsLimitEnabled", "authCheck", "tenantCheck",
      "orderingProperties", "maxResults", "firstResult", "parameter", "databaseType");
  private static final List<Field> CRITERIA = criteria();
  private static final TaskQueryImpl BLANK = new TaskQueryImpl();

  private TeamTaskQuery() {
  }

  /** Whether {@code query} asks exactly for candidate groups' tasks, ordered by the task's own columns. */
  public static boolean is(TaskQueryImpl query) {
    boolean groups = query.getCandidateGroupsInternal() != null && !query.getCandidateGroupsInternal().isEmpty()
        || query.getCandidateGroup() != null;
    return groups && query.getQueries().size() == 1 && !query.isOrQueryActive()
        && query.getOrderingProperties().stream().allMatch(ordering -> ordering.isContainedProperty())
        && CRITERIA.stream().allMatch(field -> unset(field, query));
  }

  /**
   * The candidate groups the user is in and whose grants are checked: a task of one of them that
   * the group holds READ on itself is visible to the user whatever else the user holds (the team
   * count's read model, docs/adr/0020).
   */
  public static List<String> grantedTeams(Collection<String> candidateGroups, Collection<String> authGroupIds) {
    return candidateGroups.stream().distinct().filter(group -> authGroupIds != null && authGroupIds.contains(group))
        .toList();
  }

  /** The candidate groups whose tasks the user may still see through grants of other principals. */
  public static List<String> otherTeams(Collection<String> candidateGroups, Collection<String> authGroupIds) {
    return candidateGroups.stream().distinct().filter(group -> authGroupIds == null || !authGroupIds.contains(group))
        .toList();
  }

  /** As in a new query; an empty array or collection counts as none (extending a filter leaves some so). */
  private static boolean unset(Field field, TaskQueryImpl query) {
    try {
      Object value = field.get(query);
      return isEmpty(value) && isEmpty(field.get(BLANK)) || Objects.equals(value, field.get(BLANK));
    } catch (IllegalAccessException e) {
      return false;
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof Object[] array && array.length == 0
        || value instanceof Collection<?> collection && collection.isEmpty()
        || value instanceof Map<?, ?> map && map.isEmpty();
  }

  /** Every instance field of the task query and its superclasses but the shape's and the running ones. */
  private static List<Field> criteria() {
    List<Field> criteria = new ArrayList<>();
    for (Class<?> type = TaskQueryImpl.class; type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !SHAPE_AND_RUNNING.contains(field.getName())) {
          field.setAccessible(true);
          criteria.add(field);
        }
      }
    }
    return criteria;
  }
}
