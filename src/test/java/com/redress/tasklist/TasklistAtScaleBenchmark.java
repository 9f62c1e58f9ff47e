package com.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.BenchmarkSize;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark, not a test: Tasklist's "My group tasks" list and count for a plain member of a team,
 * with {@code -Dtasklist.tasks} (20 000) open handling tasks, a quarter of them the team's, created
 * by the engine itself (authorization rows included) on embedded PostgreSQL 15. Prints the count's
 * plan. Run with
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dbenchmark.smoke.skip=true -Dtest=TasklistAtScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class TasklistAtScaleBenchmark extends PostgresApplicationTest {

  static final int TASKS = BenchmarkSize.of("tasklist.tasks", 20_000, 40);

  @Autowired JdbcTemplate jdbc;

  @Test
  void listAndCount() {
    // other benchmarks may have left open tasks of the team on this database (the smoke run)
    long before = engine.getTaskService().createTaskQuery().taskCandidateGroup(Groups.TEAM_BILLING).count();
    long start = System.nanoTime();
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int size = Math.min(500, TASKS);
    for (int batch = 0; batch < TASKS / size; batch++) {
      int first = batch * size;
      config.getCommandExecutorTxRequired().execute(context -> {
        for (int i = first; i < first + size; i++) {
          Handling.openTask(engine, "SCALE-" + i, i % 4 == 0 ? Groups.TEAM_BILLING : Groups.TEAM_LOGISTICS);
        }
        return null;
      });
      if (batch % 20 == 0) {
        System.out.println("[progress] " + (first + size) + " tasks");
      }
    }
    System.out.printf("[measurement] created %d tasks in %.1f s%n", TASKS, (System.nanoTime() - start) / 1e9);
    jdbc.execute("ANALYZE");
    String member = TestUsers.ensure(engine.getIdentityService(), "scale-billing", Groups.TEAM_BILLING);
    Http http = new Http(port).as(member, TestUsers.PASSWORD);
    String query = "{\"candidateGroups\":[\"" + Groups.TEAM_BILLING + "\"],\"includeAssignedTasks\":true}";
    measure("count", () -> http.postJson("/engine-rest/task/count", query));
    measure("list", () -> http.postJson("/engine-rest/task?firstResult=0&maxResults=15", "{\"candidateGroups\":[\""
        + Groups.TEAM_BILLING + "\"],\"includeAssignedTasks\":true,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"));
    assertThat(Http.json(http.postJson("/engine-rest/task/count", query)).get("count").asLong()).isEqualTo(before + TASKS / 4);
    // the plan of the count, with the group member's parameters as the engine sends them
    ExecutedSql.memberCountPlan(engine, jdbc, "(ANALYZE, BUFFERS)", member, Groups.TEAM_BILLING).forEach(line -> System.out.println("[plan] " + line));
  }

  private static void measure(String name, Supplier<HttpResponse<String>> call) {
    List<Double> ms = CallTimes.of(12, call);
    System.out.printf("[measurement] %s p50 %.1f ms, max %.1f ms%n", name, ms.get(6), ms.get(11));
  }
}
