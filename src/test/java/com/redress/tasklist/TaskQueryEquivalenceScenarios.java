package com.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import com.redress.shared.EngineStatements;
import com.redress.shared.TeamTaskQuery;
import com.redress.support.Handling;
import com.redress.support.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;

/**
 * Redress's task list and count statements (engine/redress-statements.xml) return exactly what the
 * engine's own statements return, for the queries Tasklist's three filters and engine REST's
 * {@code /task} and {@code /task/count} send, on randomized tasks: several teams, claimed,
 * reassigned and escalated tasks, candidate users, users in several groups, auditors who read every
 * task through a grant on all process definitions. Both statements run on the same configured query
 * in one transaction; the engine's is called by its own name, which Redress's mapping bypasses.
 */
interface TaskQueryEquivalenceScenarios {

  String ENGINE_TASK_STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.";
  String ENGINE_AUTHORIZATION_STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.";
  List<String> TEAMS = List.of(Groups.TEAM_BILLING, Groups.TEAM_LOGISTICS, Groups.TEAM_SERVICE, Groups.TEAM_SAFETY);
  int TASKS = 80;
  /** The queries of Tasklist's "My group tasks" shape (TeamTaskQuery), by their names below. */
  List<String> TEAM_SHAPES = List.of("filter " + TasklistFilters.Kind.MY_GROUP_TASKS.name(),
      "filter " + TasklistFilters.Kind.MY_GROUP_TASKS.name() + " as Tasklist lists it", "candidateGroup",
      "candidateGroupIn");
  /** This test's tasks are due from then on, each at another second: later than any other test's. */
  Instant FIRST_DUE = Instant.parse("2090-01-01T00:00:00Z");
  /** Reads the complaint process's tasks through a grant on its key, as an administrator may give. */
  String PROCESS_READER = "eq-process-reader";

  ProcessEngine engine();

  @Test
  default void redressTaskStatementsReturnWhatTheEnginesReturnForEveryUser() {
    long seed = Long.getLong("equivalence.seed", System.nanoTime());
    System.out.println("[equivalence] seed " + seed + " (-Dequivalence.seed to repeat)");
    Random random = new Random(seed);
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
    assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo(EngineStatements.REPLACED.get("selectTaskByQueryCriteria"));

    Map<String, List<String>> users = users(random);
    Authorization readsProcessTasks = engine().getAuthorizationService().createNewAuthorization(AUTH_TYPE_GRANT);
    readsProcessTasks.setUserId(PROCESS_READER);
    readsProcessTasks.setResource(Resources.PROCESS_DEFINITION);
    readsProcessTasks.setResourceId(ComplaintHandlingProcess.KEY);
    readsProcessTasks.addPermission(ProcessDefinitionPermissions.READ_TASK);
    engine().getAuthorizationService().saveAuthorization(readsProcessTasks);
    List<Filter> filters = engine().getFilterService().createTaskFilterQuery().list();
    List<String> instances = new ArrayList<>();
    try {
      randomTasks(random, List.copyOf(users.keySet()), instances);
      checkTeamTaskReadModel(instances);
      for (Map.Entry<String, List<String>> user : users.entrySet()) {
        engine().getIdentityService().setAuthentication(user.getKey(), user.getValue());
        try {
          for (Map.Entry<String, Function<TaskService, TaskQuery>> query : queries(filters, user.getKey(), user.getValue())
              .entrySet()) {
            String what = user.getKey() + " " + user.getValue() + ": " + query.getKey() + " (seed " + seed + ")";
            compare(configuration, query.getValue(), what);
            // the team tasks' own criteria (TeamTaskQuery) answer the group shapes, and only those
            boolean teamTasks = run(configuration, query.getValue(), (context, ours) -> {
              ours.list(); // evaluates the filter's expressions and configures the checks, as Tasklist's call does
              return TeamTaskQuery.is(ours);
            });
            assertThat(teamTasks).as(what + ", answered as team tasks").isEqualTo(TEAM_SHAPES.contains(query.getKey()));
          }
        } finally {
          engine().getIdentityService().clearAuthentication();
        }
      }
      // Redress's walk over the group index, run by name on H2 too (where the engine's own stays routed)
      List<Object> groups = configuration.getCommandExecutorTxRequired().execute(context -> context.getDbSqlSession()
          .getSqlSession().selectList(EngineStatements.REPLACED_ON_POSTGRES.get("selectAuthorizedGroupIds")));
      List<Object> enginesGroups = configuration.getCommandExecutorTxRequired().execute(context -> context
          .getDbSqlSession().getSqlSession().selectList(ENGINE_AUTHORIZATION_STATEMENTS + "selectAuthorizedGroupIds"));
      enginesGroups.removeIf(group -> group == null); // the users' own grants
      assertThat(groups).containsExactlyInAnyOrderElementsOf(enginesGroups).contains(Groups.TEAM_BILLING);
    } finally {
      instances.forEach(instance -> engine().getRuntimeService().deleteProcessInstance(instance, "equivalence test"));
      engine().getAuthorizationService().deleteAuthorization(readsProcessTasks.getId());
    }
  }

  /** Where the database keeps the team tasks' read model (PostgreSQL), what it holds for these tasks. */
  default void checkTeamTaskReadModel(List<String> instances) {
  }

  /** The users the queries run as, with their groups; team members in one or two teams. */
  private Map<String, List<String>> users(Random random) {
    Map<String, List<String>> users = new LinkedHashMap<>();
    users.put("eq-billing", List.of(Groups.TEAM_BILLING));
    users.put("eq-logistics", List.of(Groups.TEAM_LOGISTICS));
    users.put("eq-two-teams", List.of(Groups.TEAM_SERVICE, Groups.TEAM_SAFETY));
    users.put("eq-supervisor", List.of(Groups.SUPERVISORS, TEAMS.get(random.nextInt(TEAMS.size()))));
    users.put("eq-auditor", List.of(Groups.AUDITORS));
    users.put("eq-no-group", List.of());
    users.put(PROCESS_READER, List.of());
    users.forEach((user, groups) -> TestUsers.ensure(engine().getIdentityService(), user, groups.toArray(String[]::new)));
    return users;
  }

  /**
   * Handling tasks of the complaint process for random teams, added to {@code instances} as they are
   * started (so that a failure removes them too), each with a distinct due date (Tasklist
   * sorts by it, and a page is only comparable on a distinct key); then random claims, reassignments,
   * candidate users and escalations (SlaService: the team's link and grants give way to the supervisors'),
   * second teams, teams' grants or links taken away and suspended tasks.
   */
  private void randomTasks(Random random, List<String> users, List<String> instances) {
    TaskService tasks = engine().getTaskService();
    AuthorizationService authorizations = engine().getAuthorizationService();
    for (int i = 0; i < TASKS; i++) {
      String instance = Handling.openTask(engine(), "EQ-" + i + "-" + random.nextInt(1_000_000),
          TEAMS.get(random.nextInt(TEAMS.size())));
      instances.add(instance);
      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      task.setDueDate(Date.from(FIRST_DUE.plusSeconds(60L * random.nextInt(100_000) * TASKS + i)));
      tasks.saveTask(task);
      switch (random.nextInt(10)) {
        case 0 -> tasks.setAssignee(task.getId(), users.get(random.nextInt(users.size())));
        case 1 -> {
          tasks.setAssignee(task.getId(), users.get(random.nextInt(users.size())));
          tasks.setAssignee(task.getId(), users.get(random.nextInt(users.size())));
        }
        case 2 -> tasks.addCandidateUser(task.getId(), users.get(random.nextInt(users.size())));
        case 3 -> {
          tasks.getIdentityLinksForTask(task.getId()).stream()
              .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
              .forEach(link -> tasks.deleteCandidateGroup(task.getId(), link.getGroupId()));
          tasks.addCandidateGroup(task.getId(), Groups.SUPERVISORS);
          for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
              .resourceId(task.getId()).unlimitedList()) {
            if (!Groups.SUPERVISORS.equals(grant.getGroupId())) {
              authorizations.deleteAuthorization(grant.getId());
            }
          }
        }
        // shapes the team count's read model (PostgreSQL) must not count as one team's: a second team,
        // the team's link without its grant; and a suspended task, which Tasklist's call leaves out
        case 4 -> tasks.addCandidateGroup(task.getId(), TEAMS.get(random.nextInt(TEAMS.size())));
        case 5 -> authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
            .unlimitedList().stream().filter(grant -> grant.getGroupId() != null)
            .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        case 6 -> engine().getRuntimeService().suspendProcessInstanceById(instance);
        // no candidate group left: the team's link taken away (its grant stays, as the engine leaves it)
        case 7 -> tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .forEach(link -> tasks.deleteCandidateGroup(task.getId(), link.getGroupId()));
        default -> { } // left to the team
      }
    }
  }

  /** Tasklist's three filters (their stored queries) and what engine REST's task list and count are asked. */
  private Map<String, Function<TaskService, TaskQuery>> queries(List<Filter> filters, String user,
      List<String> groups) {
    Map<String, Function<TaskService, TaskQuery>> queries = new LinkedHashMap<>();
    for (Filter filter : filters) {
      if (groups.isEmpty() && TasklistFilters.Kind.MY_GROUP_TASKS.name().equals(filter.getProperties()
          .get(TasklistFilters.KIND))) {
        continue; // the engine refuses an empty candidate group list before any SQL runs
      }
      // read again for each run: the engine configures a query object for the user it runs for
      queries.put("filter " + filter.getProperties().get(TasklistFilters.KIND),
          tasks -> engine().getFilterService().getFilter(filter.getId()).getQuery());
      // as Tasklist's list asks for it: active tasks, newest first (here then by due date, which
      // makes the order of tasks created in the same millisecond comparable)
      queries.put("filter " + filter.getProperties().get(TasklistFilters.KIND) + " as Tasklist lists it",
          tasks -> engine().getFilterService().getFilter(filter.getId()).extend(tasks.createTaskQuery().active()
              .orderByTaskCreateTime().desc().orderByDueDate().asc()).getQuery());
    }
    String team = groups.isEmpty() ? Groups.TEAM_BILLING : groups.get(0);
    queries.put("candidateGroup", tasks -> tasks.createTaskQuery().taskCandidateGroup(team).orderByDueDate().asc());
    queries.put("candidateGroupIn", tasks -> tasks.createTaskQuery().taskCandidateGroupIn(TEAMS).includeAssignedTasks()
        .orderByDueDate().desc());
    queries.put("candidateUser", tasks -> tasks.createTaskQuery().taskCandidateUser(user).orderByDueDate().asc());
    queries.put("assignee", tasks -> tasks.createTaskQuery().taskAssignee(user).orderByDueDate().asc());
    queries.put("unassigned", tasks -> tasks.createTaskQuery().taskUnassigned().orderByDueDate().asc());
    queries.put("involvedUser", tasks -> tasks.createTaskQuery().taskInvolvedUser(user).orderByDueDate().asc());
    queries.put("withCandidateGroups", tasks -> tasks.createTaskQuery().withCandidateGroups().orderByDueDate().asc());
    queries.put("processDefinitionKey", tasks -> tasks.createTaskQuery().processDefinitionKey(ComplaintHandlingProcess.KEY)
        .orderByDueDate().asc());
    queries.put("or: team or mine", tasks -> tasks.createTaskQuery().or().taskCandidateGroup(team).taskAssignee(user)
        .endOr().orderByDueDate().asc());
    queries.put("sorted by a variable", tasks -> tasks.createTaskQuery()
        .orderByProcessVariable("complaintReference", ValueType.STRING).asc().orderByDueDate().asc());
    queries.put("name like, by priority", tasks -> tasks.createTaskQuery().taskNameLike("%").orderByTaskPriority()
        .desc().orderByDueDate().asc());
    queries.put("no criteria", tasks -> tasks.createTaskQuery().orderByDueDate().asc());
    return queries;
  }

  /**
   * The count and the whole list as the query stands (other tests' tasks share the database, more
   * than a page may hold), this test's tasks in it in order, and the due dates of its first two
   * pages in order (other tests' tasks of the same due date may come in either order); then the
   * query restricted to this test's tasks, whose due dates are distinct and later than any other's,
   * in order: whole list, first and second page of 15.
   */
  private void compare(ProcessEngineConfigurationImpl configuration, Function<TaskService, TaskQuery> query,
      String what) {
    run(configuration, query, (context, ours) -> assertThat(ours.count()).as(what + ", count")
        .isEqualTo(context.getDbSqlSession().getSqlSession()
            .selectOne(ENGINE_TASK_STATEMENTS + "selectTaskCountByQueryCriteria", ours)));
    run(configuration, query, (context, ours) -> {
      List<Task> list = ours.list();
      List<TaskEntity> engines = context.getDbSqlSession().getSqlSession()
          .selectList(ENGINE_TASK_STATEMENTS + "selectTaskByQueryCriteria", ours);
      assertThat(ids(list)).as(what + ", whole list").containsExactlyInAnyOrderElementsOf(ids(engines));
      // the queries as they stand (the team shape's own criteria among them, which a restriction to
      // this test's tasks would leave): this test's tasks, of distinct due dates, in the same order
      return assertThat(ids(list.stream().filter(TaskQueryEquivalenceScenarios::ofThisTest).toList()))
          .as(what + ", this test's tasks in the whole list")
          .containsExactlyElementsOf(ids(engines.stream().filter(TaskQueryEquivalenceScenarios::ofThisTest).toList()));
    });
    for (int[] page : new int[][] {{0, 15}, {15, 15}}) {
      run(configuration, query, (context, ours) -> assertThat(ours.listPage(page[0], page[1]).stream()
          .map(Task::getDueDate).toList()).as(what + ", due dates from " + page[0])
          .containsExactlyElementsOf(context.getDbSqlSession().getSqlSession()
              .<TaskEntity>selectList(ENGINE_TASK_STATEMENTS + "selectTaskByQueryCriteria", ours).stream()
              .map(TaskEntity::getDueDate).toList()));
    }
    Function<TaskService, TaskQuery> mine = tasks -> query.apply(tasks).dueAfter(Date.from(FIRST_DUE.minusSeconds(1)));
    for (int[] page : new int[][] {{0, TASKS}, {0, 15}, {15, 15}}) {
      run(configuration, mine, (context, ours) -> assertThat(ids(ours.listPage(page[0], page[1])))
          .as(what + ", this test's tasks from " + page[0]).containsExactlyElementsOf(enginesList(context, ours)));
    }
    run(configuration, mine, (context, ours) -> assertThat(ours.count()).as(what + ", this test's tasks, count")
        .isEqualTo(context.getDbSqlSession().getSqlSession()
            .selectOne(ENGINE_TASK_STATEMENTS + "selectTaskCountByQueryCriteria", ours)));
  }

  /** Runs {@code check} in one command on a fresh query, which the nested command configures for the user. */
  private static <T> T run(ProcessEngineConfigurationImpl configuration, Function<TaskService, TaskQuery> query,
      BiFunction<CommandContext, TaskQueryImpl, T> check) {
    return configuration.getCommandExecutorTxRequired().execute(context -> check.apply(context,
        (TaskQueryImpl) query.apply(configuration.getTaskService())));
  }

  private static List<String> ids(List<? extends Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  /** Due after every other test's task: one of this test's (their due dates are distinct). */
  private static boolean ofThisTest(Task task) {
    return task.getDueDate() != null && !task.getDueDate().toInstant().isBefore(FIRST_DUE);
  }

  /** The engine's own statement on the query as the nested command configured it (user, groups, paging). */
  private static List<String> enginesList(CommandContext context, TaskQueryImpl configured) {
    List<TaskEntity> tasks = context.getDbSqlSession().getSqlSession()
        .selectList(ENGINE_TASK_STATEMENTS + "selectTaskByQueryCriteria", configured);
    return tasks.stream().map(TaskEntity::getId).collect(Collectors.toList());
  }
}
