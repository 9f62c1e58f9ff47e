package com.redress.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.redress.audit.AuditIntegrity;
import com.redress.audit.AuditTrail;
import com.redress.complaint.Complaint;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.identity.Groups;
import com.redress.shared.PersonalData;
import com.redress.support.ApplicationTest;
import com.redress.support.AwardRuns;
import com.redress.support.DatabaseDump;
import com.redress.support.HandBuiltPeriod;
import com.redress.support.Http;
import com.redress.support.PublicApiLifecycle;
import com.redress.support.StaffSession;
import com.redress.support.TestUsers;
import com.redress.support.UniqueCustomer;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's right to erasure and the retention of their data (docs/adr/0017): afterwards their
 * name, address, number and words are found nowhere in a full dump of Redress's and the engine's
 * tables, every audit chain still verifies, and the period's figures and award scores stay.
 */
class ErasureTest extends ApplicationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintService complaints;
  @Autowired IdentityService identity;
  @Autowired AuditTrail audit;
  @Autowired AuditIntegrity integrity;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Retention retention;

  @Test
  void afterErasureTheCustomerIsFoundNowhereAndEveryChainStillVerifies() {
    UniqueCustomer customer = UniqueCustomer.create();
    PublicApiLifecycle life = new PublicApiLifecycle(http, engine);
    String lived = finish(life, submit(life, customer, "a"));
    // a second complaint from a database older than this issue: the customer in the clear early in its
    // story, whose oldest rows the audit trail's retention has removed since
    PublicApiLifecycle.Created second = submit(life, customer, "b");
    olderCopies(second.reference(), customer);
    String older = finish(life, second);
    retentionRemovedTheOldest(older, 2);
    // the name was corrected since: the earlier one must go too
    String corrected = customer.name() + " Jr";
    assertThat(officer().put("/api/privacy/customers/" + customer.id() + "/contact",
        "{\"name\": \"" + corrected + "\"}").statusCode()).isEqualTo(200);
    assertThat(DatabaseDump.placesHolding(dataSource, table -> true, customer.name(), customer.email()))
        .contains("COMPLAINT.CUSTOMER_NAME", "AUDIT_EVENT.DETAILS", "ACT_HI_VARINST.TEXT_",
            "ACT_HI_INCIDENT.INCIDENT_MSG_", "NOTIFICATION_OUTBOX.RECIPIENT");
    String kpisBefore = manager().get("/api/reports/kpis").body();
    assertThat(officer().get("/api/privacy/customers/" + customer.id()).body())
        .as("the export holds the survey answers").contains("\"comment\":\"Thank you.\"");

    HttpResponse<String> erased = erase(customer.id());

    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonNode result = Http.json(erased);
    assertThat(result.get("complaints")).extracting(JsonNode::asText).containsExactly(lived, older);
    assertThat(result.get("resealedChains")).as("sealed fields are erased with their key; only the older rows"
        + " held the customer in the clear").extracting(JsonNode::asText).containsExactly(older);
    assertThat(DatabaseDump.placesHolding(dataSource, table -> true, customer.name(), corrected, customer.email(),
        customer.phone(), customer.phone().replaceAll("\\D", ""), customer.description(), "ORD-" + customer.run()))
        .isEmpty();

    AuditIntegrity.Report report = integrity.verifyAll();
    assertThat(report.verified()).as("%s", report.firstBrokenLink()).isTrue();
    assertThat(report.resealed()).anySatisfy(segment -> {
      assertThat(segment.chain()).isEqualTo(older);
      assertThat(segment.fromSeq()).as("after the rows retention removed").isGreaterThan(2);
      assertThat(segment.throughSeq()).as("every row after the first rewritten one is chained again")
          .isGreaterThan(segment.fromSeq());
    });
    assertThat(manager().get("/api/reports/kpis").body()).as("the figures stay").isEqualTo(kpisBefore);

    Complaint after = complaints.get(lived);
    assertThat(after.status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(after.customer().name()).isEqualTo(PersonalData.ERASED);
    assertThat(after.customer().email()).isNull();
    JsonNode survey = Http.json(officer().get("/api/privacy/customers/" + customer.id())).at("/surveys/" + lived + "/0");
    assertThat(survey.get("score").asInt()).as("the figure stays").isEqualTo(5);
    assertThat(survey.get("comment").isNull()).as("the words go").isTrue();
    JsonNode timeline = Http.json(auditor().get("/api/audit/complaints/" + lived + "/timeline"));
    List<String> recipients = new ArrayList<>();
    timeline.forEach(e -> {
      if (e.get("type").asText().equals("message-sent")) {
        recipients.add(e.get("details").get("recipient").asText());
      }
    });
    assertThat(recipients).isNotEmpty().containsOnly(PersonalData.ERASED);
    assertThat(timeline.get(timeline.size() - 1).get("type").asText()).isEqualTo("personal-data-erased");

    // nothing of the customer comes back: no new key for the case, no correction of an erased complaint
    Object sealedAgain = new TransactionTemplate(transactions).execute(tx -> audit.sealed(lived, customer.email()));
    assertThat(sealedAgain).isEqualTo(PersonalData.ERASED);
    HttpResponse<String> late = officer().put("/api/privacy/customers/" + customer.id() + "/contact",
        "{\"name\": \"" + customer.name() + "\"}");
    assertThat(Http.json(late).get("corrected")).isEmpty();
    assertThat(complaints.get(lived).customer().name()).isEqualTo(PersonalData.ERASED);
  }

  @Test
  void aPeriodsAwardScoresDoNotChangeWhenItsCustomersAreErased() {
    String handler = TestUsers.ensure(identity, "erasure-award-handler", Groups.TEAM_LOGISTICS);
    UniqueCustomer customer = UniqueCustomer.create();
    for (String period : List.of("2017-05", "2017-06")) {
      for (int i = 0; i < 5; i++) {
        String reference = HandBuiltPeriod.closed(jdbc, LocalDate.parse(period + "-1" + i), List.of(handler),
            "team-logistics", "WEB", 600, 3600 * (i + 1), i != 2, 3 + i % 3, i == 4 ? null : 5 - i % 2, 0, false, i == 1);
        if (period.equals("2017-06")) {
          jdbc.update("UPDATE complaint SET customer_id = ?, customer_name = ?, customer_email = ? WHERE reference = ?",
              customer.id(), customer.name(), customer.email(), reference);
        }
      }
    }
    assertThat(erase(customer.id()).statusCode()).isEqualTo(200);

    Http committee = http.as(TestUsers.ensure(identity, "erasure-committee", Groups.AWARD_COMMITTEE),
        TestUsers.PASSWORD);
    ObjectNode kept = (ObjectNode) AwardRuns.score(AwardRuns.scored(committee, engine, "2017-05"), handler);
    ObjectNode erased = (ObjectNode) AwardRuns.score(AwardRuns.scored(committee, engine, "2017-06"), handler);
    // the counted complaints are the periods' own; everything scored from them is the same
    kept.remove("counted");
    erased.remove("counted");
    assertThat(erased).as("the same figures, one period's customers erased").isEqualTo(kept);
  }

  @Test
  void erasureIsRefusedWhileAComplaintIsOpenAndAnUnknownCustomerIsNotFound() {
    UniqueCustomer customer = UniqueCustomer.create();
    String reference = new PublicApiLifecycle(http, engine).submit(customer.json()).reference();

    assertThat(officer().postJson("/api/privacy/customers/" + customer.id() + "/erasure", "{}").statusCode())
        .as("an erasure must name the customer twice").isEqualTo(400);
    HttpResponse<String> refused = erase(customer.id());

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Http.json(refused).get("detail").asText()).contains(reference, "still open", "Nothing was erased");
    assertThat(Http.json(officer().postJson("/api/privacy/customers/" + customer.id() + "/erasure",
        "{\"customerId\": \"" + customer.id() + "\"}", "Accept-Language", "zh-CN")).get("detail").asText())
        .as("in the officer's language").startsWith("投诉 " + reference + " 仍在处理中（").endsWith("未删除任何数据。");
    assertThat(complaints.get(reference).customer().name()).isEqualTo(customer.name());
    assertThat(DatabaseDump.placesHolding(dataSource, table -> table.equals("AUDIT_EVENT"), "personal-data-erased"))
        .as("no erasure recorded").doesNotContain("AUDIT_EVENT.EVENT_TYPE");
    assertThat(erase("C-nobody-" + customer.run()).statusCode()).isEqualTo(404);
  }

  @Test
  void thePrivacyOfficersPageErasesOrSaysWhyNot() {
    UniqueCustomer customer = UniqueCustomer.create();
    PublicApiLifecycle life = new PublicApiLifecycle(http, engine);
    PublicApiLifecycle.Created open = submit(life, customer, "page");
    StaffSession officer = new StaffSession(port);
    officer.signIn(TestUsers.ensure(identity, "erasure-officer", Groups.PRIVACY_OFFICERS), TestUsers.PASSWORD);
    String page = "/privacy/customers/" + customer.id();

    assertThat(officer.submit(page, page + "/erasure").statusCode()).isEqualTo(302);
    assertThat(officer.get(page).body()).contains("id=\"erasure-refused\"", open.reference(), "still open");
    assertThat(complaints.get(open.reference()).customer().name()).isEqualTo(customer.name());

    finish(life, open);
    assertThat(officer.submit(page, page + "/erasure").statusCode()).isEqualTo(302);
    assertThat(officer.get(page).body()).contains("id=\"erasure-done\"", "Erased from " + open.reference())
        .doesNotContain(customer.name());
  }

  @Test
  void retentionAnonymizesComplaintsThatEndedLongerAgoThanItsPeriodAndNoOthers() {
    UniqueCustomer customer = UniqueCustomer.create();
    PublicApiLifecycle life = new PublicApiLifecycle(http, engine);
    String old = finish(life, submit(life, customer, "old"));
    String recent = finish(life, submit(life, customer, "recent"));
    jdbc.update("UPDATE complaint SET closed_at = ? WHERE reference = ?",
        OffsetDateTime.now().minus(Period.ofYears(3)).minusDays(1), old);

    assertThat(retention.run()).isPositive();

    assertThat(complaints.get(old).customer().name()).isEqualTo(PersonalData.ERASED);
    assertThat(complaints.get(recent).customer().name()).isEqualTo(customer.name());
    assertThat(integrity.verifyAll().verified()).isTrue();
    assertThat(retention.run()).as("nothing is erased twice").isZero();
  }

  /** A complaint of the customer about its own order, registered and classified. */
  private static PublicApiLifecycle.Created submit(PublicApiLifecycle life, UniqueCustomer customer, String order) {
    return life.submit(customer.json().replace("ORD-" + customer.run(), "ORD-" + customer.run() + "-" + order));
  }

  /** Handled, answered, reviewed: closed. */
  private String finish(PublicApiLifecycle life, PublicApiLifecycle.Created c) {
    life.handle(c, TestUsers.ensure(identity, "erasure-handler", Groups.TEAM_LOGISTICS));
    assertThat(life.answerSurvey(c, 5).statusCode()).isEqualTo(202);
    life.review(c, TestUsers.ensure(identity, "erasure-reviewer", Groups.QUALITY_REVIEWERS));
    assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.CLOSED);
    return c.reference();
  }

  /** What the audit trail's retention does to a chain (AuditRetention), to its first {@code rows} rows. */
  private void retentionRemovedTheOldest(String chain, int rows) {
    String hash = jdbc.queryForObject("SELECT hash FROM audit_event WHERE chain_key = ? AND seq = ?", String.class,
        chain, rows);
    jdbc.update("DELETE FROM audit_event WHERE chain_key = ? AND seq <= ?", chain, rows);
    jdbc.update("UPDATE audit_chain SET sealed_seq = ?, sealed_hash = ? WHERE chain_key = ?", rows, hash, chain);
    assertThat(integrity.verifyChain(chain).verified()).isTrue();
  }

  private HttpResponse<String> erase(String customerId) {
    return officer().postJson("/api/privacy/customers/" + customerId + "/erasure",
        "{\"customerId\": \"" + customerId + "\"}");
  }

  /**
   * What a database older than issues 17 and 19 holds of the customer in the clear: the variable
   * history of history level "full", an incident quoting the mail server's answer, the outbox's
   * error text, and an audit event of the engine's variable updates.
   */
  private void olderCopies(String reference, UniqueCustomer customer) {
    String instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(reference).processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult()
        .getId();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("""
        INSERT INTO ACT_HI_VARINST (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, REV_, TEXT_,
          STATE_, CREATE_TIME_) VALUES (?, ?, ?, ?, 'customerEmail', 'string', 1, ?, 'CREATED', ?)""",
        UUID.randomUUID().toString(), instance, instance, instance, customer.email(), now);
    jdbc.update("""
        INSERT INTO ACT_HI_INCIDENT (ID_, PROC_INST_ID_, ROOT_PROC_INST_ID_, CREATE_TIME_, INCIDENT_TYPE_, INCIDENT_MSG_,
          INCIDENT_STATE_) VALUES (?, ?, ?, ?, 'failedJob', ?, 2)""",
        UUID.randomUUID().toString(), instance, instance, now,
        "550 5.1.1 <" + customer.email() + ">: Recipient address rejected; call "
            + customer.phone().replaceAll("\\D", ""));
    jdbc.update("UPDATE notification_outbox SET last_error = ? WHERE complaint_reference = ?",
        "550 <" + customer.email() + "> rejected", reference);
    new TransactionTemplate(transactions).executeWithoutResult(tx -> audit.recordDomainChange(reference,
        "variable-update", Map.of("name", "customerName", "value", customer.name())));
  }

  private Http officer() {
    return http.as(TestUsers.ensure(identity, "erasure-officer", Groups.PRIVACY_OFFICERS), TestUsers.PASSWORD);
  }

  private Http manager() {
    return http.as(TestUsers.ensure(identity, "erasure-manager", Groups.SERVICE_MANAGERS), TestUsers.PASSWORD);
  }

  private Http auditor() {
    return http.as(TestUsers.ensure(identity, "erasure-auditor", Groups.AUDITORS), TestUsers.PASSWORD);
  }
}
