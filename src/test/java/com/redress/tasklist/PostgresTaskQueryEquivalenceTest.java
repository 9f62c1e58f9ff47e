package com.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.PostgresApplicationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Redress's task statements against the engine's, on PostgreSQL, where the team count has a read model. */
class PostgresTaskQueryEquivalenceTest extends PostgresApplicationTest implements TaskQueryEquivalenceScenarios {

  @Autowired JdbcTemplate jdbc;

  /**
   * The triggers of V5 kept, for every task with a candidate group, its one team when that group holds
   * READ on it itself (else none), and its assignment, state and tenant, as the engine's API tells them;
   * and no row for a task without a candidate group.
   */
  @Override
  public void checkTeamTaskReadModel(List<String> instances) {
    Map<String, String> expected = new HashMap<>();
    Map<String, String> held = new HashMap<>();
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new))
        .list()) {
      List<String> teams = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).toList();
      String team = teams.size() == 1 && engine.getAuthorizationService().createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(teams.get(0)).resourceType(Resources.TASK)
          .resourceId(task.getId()).hasPermission(Permissions.READ).count() > 0 ? teams.get(0) : null;
      // a task without a candidate group has no row
      expected.put(task.getId(), teams.isEmpty() ? "none" : team + " assigned " + (task.getAssignee() != null)
          + " suspended " + task.isSuspended() + " tenant " + task.getTenantId());
      held.put(task.getId(), "none");
      jdbc.query("select team_, assigned_, suspension_state_, tenant_id_ from redress_team_task where task_id_ = ?",
          row -> {
            held.put(task.getId(), row.getString(1) + " assigned " + row.getBoolean(2) + " suspended "
                + (row.getInt(3) == 2) + " tenant " + row.getString(4));
          }, task.getId());
    }
    assertThat(expected.values()).as("tasks of one team among these")
        .anyMatch(row -> !row.startsWith("null") && !row.equals("none"));
    assertThat(held).containsExactlyInAnyOrderEntriesOf(expected);
  }
}
