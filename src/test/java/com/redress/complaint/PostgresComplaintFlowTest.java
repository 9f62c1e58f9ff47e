package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.audit.AuditIntegrity;
import com.redress.audit.AuditRetention;
import com.redress.audit.AuditTrail;
import com.redress.identity.Groups;
import com.redress.support.DatabaseDump;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.PublicApiLifecycle;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import com.redress.support.UniqueCustomer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The whole application on a real PostgreSQL server: intake, concurrency, a complaint's whole life through the public APIs. */
class PostgresComplaintFlowTest extends PostgresApplicationTest implements IntakeConcurrencyScenarios {

  @Autowired DataSource dataSource;

  @Override
  public String databaseName() {
    return "postgresql";
  }

  @Test
  void runsOnPostgresql() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }

  @Test
  void complaintLivesFromSubmissionToClosingThroughThePublicApis() {
    PublicApiLifecycle lifecycle = new PublicApiLifecycle(http, engine);
    PublicApiLifecycle.Created c = lifecycle.submit();
    JsonNode view = Http.json(http.get("/api/complaints/" + c.reference() + "?token=" + c.token()));
    assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.get("severity").asText()).isEqualTo("HIGH");
    assertThat(view.has("staff")).isFalse();

    String handler = TestUsers.ensure(engine.getIdentityService(), "pg-logistics-handler", Groups.TEAM_LOGISTICS);
    String taskId = Handling.task(engine, c.reference(), ComplaintHandlingProcess.TASK_HANDLE).getId();
    Http asHandler = http.as(handler, TestUsers.PASSWORD);
    HttpResponse<String> refused = asHandler.postJson("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"rootCause\":{\"value\":\"STAFF_ERROR\"}}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("resolution").contains("serviceFailureAcknowledged");
    lifecycle.handle(c, handler);
    assertThat(Http.json(http.get("/api/complaints/" + c.reference() + "?token=" + c.token())).at("/survey/awaited")
        .asBoolean()).isTrue();

    assertThat(lifecycle.answerSurvey(c, 4).statusCode()).isEqualTo(202);
    assertThat(lifecycle.answerSurvey(c, 4).statusCode()).as("answered once").isEqualTo(409);
    lifecycle.review(c, TestUsers.ensure(engine.getIdentityService(), "pg-reviewer", Groups.QUALITY_REVIEWERS));

    JsonNode staffView = Http.json(asHandler.get("/api/complaints/" + c.reference()));
    assertThat(staffView.get("status").asText()).isEqualTo("CLOSED");
    assertThat(staffView.at("/resolution/rootCause").asText()).isEqualTo("STAFF_ERROR");
    assertThat(staffView.at("/staff/resolvedBy").asText()).isEqualTo(handler);
    assertThat(staffView.at("/staff/handlerGroup").asText()).isEqualTo(Groups.TEAM_LOGISTICS);
    assertThat(staffView.at("/staff/kpi/csat").asInt()).isEqualTo(4);
    assertThat(staffView.at("/staff/kpi/handlers/0").asText()).isEqualTo(handler);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(c.reference())
        .processDefinitionKey(ComplaintHandlingProcess.KEY)
        .finished().count()).isEqualTo(1);
  }

  @Test
  void auditTrailIsAppendOnlyAndVerifiesOnPostgresql() {
    String reference = Http.json(http.postJson("/api/complaints", Submissions.valid("DELAY", "GOLD")))
        .get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE chain_key = ?", reference))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE chain_key = ?", reference))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("TRUNCATE audit_event")).hasMessageContaining("append-only");
    // nor can the chain head be wound back or removed to hide a cut-off tail
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_chain SET last_seq = last_seq - 1 WHERE chain_key = ?", reference))
        .hasMessageContaining("only move forward");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_chain WHERE chain_key = ?", reference))
        .hasMessageContaining("cannot be removed");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE chain_key = ? AND actor = 'mallory'",
        Long.class, reference)).isZero();
    assertThat(bean(AuditIntegrity.class).verifyChain(reference).verified()).isTrue();
  }

  @Test
  void erasureRewritesOnlyTheContentOfOldAuditRowsAndTheChainsStillVerify() {
    UniqueCustomer customer = UniqueCustomer.create();
    PublicApiLifecycle life = new PublicApiLifecycle(http, engine);
    PublicApiLifecycle.Created c = life.submit(customer.json());
    life.handle(c, TestUsers.ensure(engine.getIdentityService(), "pg-erasure-handler", Groups.TEAM_LOGISTICS));
    assertThat(life.answerSurvey(c, 5).statusCode()).isEqualTo(202);
    life.review(c, TestUsers.ensure(engine.getIdentityService(), "pg-erasure-reviewer", Groups.QUALITY_REVIEWERS));
    // an event as rows older than issue 19 were written: the customer's name in the clear
    new TransactionTemplate(bean(PlatformTransactionManager.class)).executeWithoutResult(tx -> bean(AuditTrail.class)
        .recordDomainChange(c.reference(), "variable-update", Map.of("name", "customerName", "value", customer.name())));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // even with the erasure's setting, a row's place, time and actor cannot change
    assertThatThrownBy(() -> new TransactionTemplate(bean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
      jdbc.execute("SET LOCAL redress.audit_erasure = 'on'");
      jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE chain_key = ?", c.reference());
    })).hasMessageContaining("append-only");

    HttpResponse<String> erased = http.as(TestUsers.ensure(engine.getIdentityService(), "pg-erasure-officer",
        Groups.PRIVACY_OFFICERS), TestUsers.PASSWORD).postJson("/api/privacy/customers/" + customer.id() + "/erasure",
        "{\"customerId\": \"" + customer.id() + "\"}");

    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    assertThat(Http.json(erased).get("resealedChains").get(0).asText()).isEqualTo(c.reference());
    assertThat(DatabaseDump.placesHolding(dataSource, table -> true, customer.name(), customer.email())).isEmpty();
    AuditIntegrity.Report report = bean(AuditIntegrity.class).verifyChain(c.reference());
    assertThat(report.verified()).isTrue();
    assertThat(report.resealed()).hasSize(1);
    // the permission ended with the erasure's transaction
    assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET details = '{}' WHERE chain_key = ?", c.reference()))
        .hasMessageContaining("append-only");
  }

  @Test
  void onlyRetentionMayRemoveAuditRowsAndItSealsTheChains() {
    String reference = Http.json(http.postJson("/api/complaints", Submissions.valid("DELAY", "GOLD")))
        .get("reference").asText();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    ClockUtil.offset(java.time.Duration.ofDays(8 * 366).toMillis());
    try {
      Jobs.continueAfterRegistration(engine, reference);
      bean(AuditRetention.class).nightly(); // the scheduled entry point, with its own transaction
    } finally {
      ClockUtil.reset();
    }
    assertThat(jdbc.queryForObject("SELECT sealed_seq FROM audit_chain WHERE chain_key = ?", Long.class, reference))
        .isPositive();
    assertThat(bean(AuditIntegrity.class).verifyAll().verified()).isTrue();
    // the permission ended with retention's transaction
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE chain_key = ?", reference))
        .hasMessageContaining("append-only");
  }

  @Test
  void moneyIsStoredAsExactDecimal() {
    HttpResponse<String> created = http.postJson("/api/complaints", Submissions.valid("BILLING", "GOLD"));
    String reference = Http.json(created).get("reference").asText();
    String type = new JdbcTemplate(dataSource).queryForObject(
        "SELECT data_type FROM information_schema.columns WHERE table_name = 'complaint' AND column_name = 'order_amount'",
        String.class);
    assertThat(type).isEqualTo("numeric");
    assertThat(new JdbcTemplate(dataSource).queryForObject(
        "SELECT order_amount::text FROM complaint WHERE reference = ?", String.class, reference)).isEqualTo("800.00");
  }
}
