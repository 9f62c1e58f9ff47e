package com.redress.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.support.ClusterWorkload;
import com.redress.support.Http;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.RedressNode;
import com.redress.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Redress's production shape: two nodes (JVMs of their own, job executors on) sharing one
 * PostgreSQL. Complaints go through their whole life with every step on the other node than the
 * step before; afterwards each complaint closed once, each job ran once (and both nodes ran jobs),
 * each e-mail went out once, each compensation was issued once and every audit chain verifies.
 * {@code -Dcluster.complaints=2000} for the full size.
 */
class TwoNodesTest extends PostgresApplicationTest {

  /**
   * The engine's history cleanup is one job that reschedules itself and succeeds many times inside
   * its nightly window (01:00–05:00, application.yml); every other job must succeed once.
   */
  private static final String NOT_CLEANUP = "COALESCE(JOB_DEF_TYPE_, '') <> 'history-cleanup'";

  static final int COMPLAINTS = Integer.getInteger("cluster.complaints", 60);
  static final int CLIENTS = 8;
  static final int KILL_COMPLAINTS = 60;

  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcTemplate jdbc;

  @Test
  void complaintsSpreadOverTwoNodesEachCloseOnceWithNothingDuplicated() throws Exception {
    int mailsBefore = mailsSoFar();
    String handler = TestUsers.ensure(engine.getIdentityService(), "node-handler", Groups.TEAM_LOGISTICS);
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "node-reviewer", Groups.QUALITY_REVIEWERS);
    String auditor = TestUsers.ensure(engine.getIdentityService(), "node-auditor", Groups.AUDITORS);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    int smtp = SMTP.getSmtp().getPort();
    try (RedressNode a = RedressNode.start("node-a", url, "postgres", smtp, RedressNode.hostname("node-a"));
        RedressNode b = RedressNode.start("node-b", url, "postgres", smtp, RedressNode.hostname("node-b"))) {
      long deadlocksBefore = deadlocks();
      Instant start = Instant.now();
      List<String> references = new ClusterWorkload(List.of(a, b), handler, reviewer).run(COMPLAINTS, CLIENTS);
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      System.out.printf("[measurement] %d complaints through their whole life on two nodes in %.1f s: %.1f/s%n",
          COMPLAINTS, seconds, COMPLAINTS / seconds);

      assertThat(count("SELECT COUNT(*) FROM complaint_kpi WHERE complaint_reference IN (" + in(references) + ")"))
          .isEqualTo(COMPLAINTS);
      assertThat(jobsThatSucceededTwice(references)).isEmpty();
      assertThat(jdbc.queryForList("SELECT DISTINCT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2", String.class))
          .as("nodes that ran jobs").contains("node-a", "node-b");
      assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ " + ofCases(references))).isZero();
      assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT' AND complaint_reference IN ("
          + in(references) + ")")).isZero();
      assertEachMailOnce(references, mailsBefore);
      assertThat(count("SELECT COUNT(*) FROM compensation_issue i JOIN compensation c ON c.id = i.compensation_id"
          + " WHERE c.complaint_reference IN (" + in(references) + ")")).isEqualTo(ClusterWorkload.compensated(COMPLAINTS));
      JsonNode integrity = Http.json(a.http().as(auditor, TestUsers.PASSWORD).get("/api/audit/integrity"));
      assertThat(integrity.get("verified").asBoolean()).as(integrity.toString()).isTrue();
      // messages travel outside the case's execution tree: no end of a send branch prunes it under a user's step
      assertThat(deadlocks() - deadlocksBefore).as("deadlocks PostgreSQL detected").isZero();
    }
  }

  /** The jobs of these cases' instances that succeeded more than once (none may). */
  private List<String> jobsThatSucceededTwice(List<String> references) {
    return jdbc.queryForList("SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND " + NOT_CLEANUP
        + " AND PROCESS_INSTANCE_ID_ " + ofCases(references) + " GROUP BY JOB_ID_ HAVING COUNT(*) > 1", String.class);
  }

  /**
   * The instances of these cases (complaint, approval, message deliveries: all carry the reference),
   * not the database's: the benchmarks before this test in its JVM leave instances of their own.
   */
  private static String ofCases(List<String> references) {
    return "IN (SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ IN (" + in(references) + "))";
  }

  /** PostgreSQL's own count of deadlocks it detected (and broke) in this database. */
  private long deadlocks() {
    jdbc.execute("SELECT pg_stat_clear_snapshot()");
    return count("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
  }

  @Test
  void aNodeKilledWhileIssuingAndSendingLeavesItsJobsToTheOtherNodeAndNothingIsDoneTwice() throws Exception {
    int mailsBefore = mailsSoFar();
    String handler = TestUsers.ensure(engine.getIdentityService(), "kill-handler", Groups.TEAM_LOGISTICS);
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "kill-reviewer", Groups.QUALITY_REVIEWERS);
    String supervisor = TestUsers.ensure(engine.getIdentityService(), "kill-supervisor", Groups.SUPERVISORS);
    String auditor = TestUsers.ensure(engine.getIdentityService(), "kill-auditor", Groups.AUDITORS);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    // a short lock: the survivor takes the dead node's jobs over 5 s after they were locked
    String lock = "--camunda.bpm.job-execution.lock-time-in-millis=5000";
    // an idle node looks for jobs other nodes created at most every second (not every minute)
    String poll = "--camunda.bpm.job-execution.max-wait=1000";
    // node b's mail server accepts and never answers: its send steps are caught in the middle when it dies
    try (ServerSocket silentSmtp = new ServerSocket(0);
        RedressNode a = RedressNode.start("kill-a", url, "postgres", SMTP.getSmtp().getPort(),
            RedressNode.hostname("kill-a"), lock, poll);
        RedressNode b = RedressNode.start("kill-b", url, "postgres", silentSmtp.getLocalPort(),
            RedressNode.hostname("kill-b"), lock, poll)) {
      // the users work on node a; both nodes' job executors issue compensations and send mails
      ExecutorService users = Executors.newSingleThreadExecutor();
      Future<List<String>> lives = users.submit(() ->
          new ClusterWorkload(List.of(a), handler, reviewer).withApprover(supervisor).run(KILL_COMPLAINTS, 4));

      // node a finishes a job in milliseconds: a job locked for over 2 s is node b's, stuck mid-send
      String nodeB = RedressNode.awaitValue("node b in the middle of a job", Duration.ofMinutes(3),
          Duration.ofMillis(50), () -> jdbc.queryForList("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_"
              + " BETWEEN now() AND now() + interval '3 seconds'", String.class).stream().findFirst().orElse(null));
      b.kill();
      List<String> heldByB = jdbc.queryForList("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = ?", String.class, nodeB);
      Instant killed = Instant.now();
      List<String> references = lives.get(5, TimeUnit.MINUTES);
      users.shutdown();
      double recovered = Duration.between(killed, Instant.now()).toMillis() / 1000.0;

      assertThat(count("SELECT COUNT(*) FROM complaint_kpi WHERE complaint_reference IN (" + in(references) + ")"))
          .as("every complaint closed").isEqualTo(KILL_COMPLAINTS);
      assertThat(jobsThatSucceededTwice(references)).isEmpty();
      // every job the dead node held was finished by the survivor once its lock expired
      assertThat(heldByB).isNotEmpty().allSatisfy(job -> assertThat(count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG"
          + " WHERE JOB_ID_ = '" + job + "' AND JOB_STATE_ = 2 AND HOSTNAME_ = 'kill-a'")).as(job).isEqualTo(1));
      assertThat(count("SELECT COUNT(*) FROM compensation c WHERE c.complaint_reference IN (" + in(references)
          + ") AND c.status = 'ISSUED'")).isEqualTo(ClusterWorkload.compensatedWithApprover(KILL_COMPLAINTS));
      assertThat(jdbc.queryForList("SELECT i.compensation_id FROM compensation_issue i JOIN compensation c"
          + " ON c.id = i.compensation_id WHERE c.complaint_reference IN (" + in(references) + ")"
          + " GROUP BY i.compensation_id HAVING COUNT(*) > 1", String.class)).as("issued twice").isEmpty();
      assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT' AND complaint_reference IN ("
          + in(references) + ")")).isZero();
      assertEachMailOnce(references, mailsBefore);
      JsonNode integrity = Http.json(a.http().as(auditor, TestUsers.PASSWORD).get("/api/audit/integrity"));
      assertThat(integrity.get("verified").asBoolean()).as(integrity.toString()).isTrue();
      System.out.printf("[measurement] kill -9 of one of two nodes while issuing and sending: the %d jobs it held"
          + " finished by the survivor after their lock expired; all %d complaints closed %.1f s after the kill,"
          + " %d compensations issued once each%n", heldByB.size(), KILL_COMPLAINTS, recovered,
          ClusterWorkload.compensatedWithApprover(KILL_COMPLAINTS));
    }
  }

  private void assertEachMailOnce(List<String> references, int mailsBefore) {
    Map<String, Integer> bySubject = mailsPerSubject(references, mailsBefore);
    assertThat(bySubject).as("e-mails per subject").isNotEmpty().allSatisfy((subject, times) -> assertThat(times)
        .as(subject).isEqualTo(1));
    assertThat(bySubject).hasSize(count("SELECT COUNT(*) FROM notification_outbox WHERE complaint_reference IN ("
        + in(references) + ")"));
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  private static String in(List<String> references) {
    return String.join(",", references.stream().map(r -> "'" + r + "'").toList());
  }
}
