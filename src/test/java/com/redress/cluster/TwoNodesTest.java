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
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  static final int COMPLAINTS = Integer.getInteger("cluster.complaints", 500);
  static final int CLIENTS = 8;

  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcTemplate jdbc;

  @Test
  void complaintsSpreadOverTwoNodesEachCloseOnceWithNothingDuplicated() throws Exception {
    String handler = TestUsers.ensure(engine.getIdentityService(), "node-handler", Groups.TEAM_LOGISTICS);
    String reviewer = TestUsers.ensure(engine.getIdentityService(), "node-reviewer", Groups.QUALITY_REVIEWERS);
    String auditor = TestUsers.ensure(engine.getIdentityService(), "node-auditor", Groups.AUDITORS);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    int smtp = SMTP.getSmtp().getPort();
    try (RedressNode a = RedressNode.start("node-a", url, "postgres", smtp, RedressNode.hostname("node-a"));
        RedressNode b = RedressNode.start("node-b", url, "postgres", smtp, RedressNode.hostname("node-b"))) {
      Instant start = Instant.now();
      List<String> references = new ClusterWorkload(List.of(a, b), handler, reviewer).run(COMPLAINTS, CLIENTS);
      double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
      System.out.printf("[measurement] %d complaints through their whole life on two nodes in %.1f s: %.1f/s%n",
          COMPLAINTS, seconds, COMPLAINTS / seconds);

      assertThat(count("SELECT COUNT(*) FROM complaint_kpi WHERE complaint_reference IN (" + in(references) + ")"))
          .isEqualTo(COMPLAINTS);
      assertThat(jdbc.queryForList("SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY JOB_ID_"
          + " HAVING COUNT(*) > 1", String.class)).as("jobs that succeeded twice").isEmpty();
      assertThat(jdbc.queryForList("SELECT DISTINCT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2", String.class))
          .as("nodes that ran jobs").contains("node-a", "node-b");
      assertThat(count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).isZero();
      assertThat(count("SELECT COUNT(*) FROM notification_outbox WHERE status <> 'SENT' AND complaint_reference IN ("
          + in(references) + ")")).isZero();
      assertEachMailOnce(references);
      assertThat(count("SELECT COUNT(*) FROM compensation_issue i JOIN compensation c ON c.id = i.compensation_id"
          + " WHERE c.complaint_reference IN (" + in(references) + ")")).isEqualTo(ClusterWorkload.compensated(COMPLAINTS));
      JsonNode integrity = Http.json(a.http().as(auditor, TestUsers.PASSWORD).get("/api/audit/integrity"));
      assertThat(integrity.get("verified").asBoolean()).as(integrity.toString()).isTrue();
    }
  }

  private void assertEachMailOnce(List<String> references) throws MessagingException {
    Map<String, Integer> bySubject = new HashMap<>();
    for (MimeMessage message : SMTP.getReceivedMessages()) {
      String subject = message.getSubject();
      if (references.stream().anyMatch(subject::contains)) {
        bySubject.merge(subject, 1, Integer::sum);
      }
    }
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
