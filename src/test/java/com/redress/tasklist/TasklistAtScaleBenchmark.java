package com.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import com.redress.support.Http;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
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
 * {@code mvn -B verify -Dpostgres.groups=benchmark -Dtest=TasklistAtScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class TasklistAtScaleBenchmark extends PostgresApplicationTest {

  static final int TASKS = Integer.getInteger("tasklist.tasks", 20_000);
  /** What the engine runs for the count (Task.xml, authorizations on), as its debug log shows it. */
  private static final String COUNT_SQL = """
      SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES
        left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
        left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
          AND ( A.USER_ID_ in ( 'scale-billing', '*') OR A.GROUP_ID_ IN ( 'team-billing' ) )
          AND ( ( A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64 ) ) ) AUTH
          ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
        WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'team-billing' ) ) ) )
          and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null ) ) countDistinct""";

  @Autowired JdbcTemplate jdbc;

  @Test
  void listAndCount() {
    long start = System.nanoTime();
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (int batch = 0; batch < TASKS / 500; batch++) {
      int first = batch * 500;
      config.getCommandExecutorTxRequired().execute(context -> {
        for (int i = first; i < first + 500; i++) {
          engine.getRuntimeService().createProcessInstanceByKey(ComplaintHandlingProcess.KEY)
              .businessKey("SCALE-" + i)
              .startBeforeActivity(ComplaintHandlingProcess.TASK_HANDLE)
              .setVariable("handlerGroup", i % 4 == 0 ? Groups.TEAM_BILLING : "team-logistics")
              .setVariable("resolutionDue", "2030-01-01T10:00:00+08:00")
              .setVariable("slaWarningAt", "2029-12-31T10:00:00+08:00")
              .setVariable("complaintReference", "SCALE-" + i)
              .execute();
        }
        return null;
      });
      if (batch % 20 == 0) {
        System.out.println("[progress] " + (first + 500) + " tasks");
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
    assertThat(Http.json(http.postJson("/engine-rest/task/count", query)).get("count").asInt()).isEqualTo(TASKS / 4);
    // the plan of the count, with the group member's parameters as the engine sends them
    jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + COUNT_SQL, String.class)
        .forEach(line -> System.out.println("[plan] " + line));
  }

  private static void measure(String name, Supplier<HttpResponse<String>> call) {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long t = System.nanoTime();
      HttpResponse<String> r = call.get();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    System.out.printf("[measurement] %s p50 %.1f ms, max %.1f ms%n", name, ms.get(6), ms.get(11));
  }
}
