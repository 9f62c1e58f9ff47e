package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.Http;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements that staff pages and reports send for every view reach their rows through an
 * index (V14), on PostgreSQL: the statements are taken from pg_stat_statements after real calls,
 * and planned as the server plans a prepared statement, with sequential scans priced out so that
 * the tiny test tables do not hide a missing index.
 */
class RedressIndexesTest extends PostgresApplicationTest {

  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

  @Autowired JdbcTemplate jdbc;
  @Autowired EmbeddedPostgres postgres;

  @Test
  void complaintListsAuditSearchesAndCompensationFiguresUseTheirIndexes() {
    jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    jdbc.execute("SELECT pg_stat_statements_reset()");
    Http auditor = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "index-auditor", Groups.AUDITORS),
        TestUsers.PASSWORD);
    for (String page : List.of("/api/complaints?status=IN_PROGRESS", "/api/complaints?team=" + Groups.TEAM_BILLING,
        "/audit?user=someone", "/api/reports/kpis?from=2026-01-01&to=2026-01-31")) {
      assertThat(auditor.get(page, "*/*").statusCode()).as(page).isEqualTo(200);
    }

    assertThat(plansOf("SELECT COUNT(*) FROM complaint WHERE status =")).allMatch(
        plan -> plan.contains("complaint_status_received_idx"));
    assertThat(plansOf("SELECT COUNT(*) FROM complaint WHERE handler_group =")).allMatch(
        plan -> plan.contains("complaint_team_received_idx"));
    assertThat(plansOf("FROM audit_event WHERE actor =")).allMatch(plan -> plan.contains("audit_event_actor_idx"));
    // the sum of issued compensation and its split by type
    assertThat(plansOf("FROM compensation WHERE status =")).hasSize(2).allMatch(
        plan -> plan.contains("compensation_month_status_idx"));
  }

  /** The generic plans of the statements the server ran that contain {@code text}. */
  private List<String> plansOf(String text) {
    List<String> statements = jdbc.queryForList("SELECT query FROM pg_stat_statements WHERE query LIKE ?",
        String.class, "%" + text + "%");
    assertThat(statements).as(text).isNotEmpty();
    return statements.stream().map(this::genericPlan).toList();
  }

  private String genericPlan(String query) {
    int parameters = PARAMETER.matcher(query).results().mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
    String execute = parameters == 0 ? "EXECUTE index_check"
        : "EXECUTE index_check(" + String.join(", ", Collections.nCopies(parameters, "NULL")) + ")";
    // a connection of its own: the settings below must not reach the application's pool
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off");
      statement.execute("PREPARE index_check AS " + query);
      List<String> plan = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("EXPLAIN " + execute)) {
        while (rows.next()) {
          plan.add(rows.getString(1));
        }
      }
      return String.join("\n", plan);
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }
}
