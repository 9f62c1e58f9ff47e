package com.redress.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.DatabaseDump;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.PublicApiLifecycle;
import com.redress.support.TestUsers;
import com.redress.support.UniqueCustomer;
import java.net.http.HttpResponse;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the engine keeps of a customer (ADR 0016), searched for in a full dump of its tables: never
 * the e-mail address or the phone number, the name only in the running case's variables (Tasklist
 * shows it), and nothing at all once the case is closed. The history level keeps no variables.
 */
class EnginePersonalDataTest extends ApplicationTest {

  private static final Predicate<String> ENGINE_TABLES = table -> table.startsWith("ACT_");

  @Autowired DataSource dataSource;
  @Autowired ComplaintService complaints;
  @Autowired IdentityService identity;

  @Test
  void theEngineKeepsNoContactDetailsAndNothingOfTheCustomerOnceTheCaseIsClosed() {
    UniqueCustomer customer = UniqueCustomer.create();
    String handler = TestUsers.ensure(identity, "engine-pd-handler-" + customer.run(), Groups.TEAM_LOGISTICS);
    String reviewer = TestUsers.ensure(identity, "engine-pd-reviewer-" + customer.run(), Groups.QUALITY_REVIEWERS);
    PublicApiLifecycle life = new PublicApiLifecycle(http, engine);

    PublicApiLifecycle.Created c = life.submit(customer.json());
    assertThat(DatabaseDump.placesHolding(dataSource, ENGINE_TABLES, customer.email(), customer.phone())).isEmpty();
    assertThat(DatabaseDump.placesHolding(dataSource, ENGINE_TABLES, customer.name(), customer.description()))
        .as("the handling task's form shows them from the running case's variables")
        .containsExactly("ACT_RU_VARIABLE.TEXT_");

    life.handle(c, handler);
    assertThat(life.answerSurvey(c, 5).statusCode()).isEqualTo(202);
    life.review(c, reviewer);
    assertThat(complaints.get(c.reference()).status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(DatabaseDump.placesHolding(dataSource, ENGINE_TABLES, customer.name(), customer.email(),
        customer.phone(), customer.description())).isEmpty();
  }

  @Test
  void theStartFormsContactDetailsLeaveTheEngineWithTheIntake() {
    UniqueCustomer customer = UniqueCustomer.create();
    String agent = TestUsers.ensure(identity, "engine-pd-agent-" + customer.run(), Groups.INTAKE_AGENTS);
    String form = """
        {"variables": {
          "customerId": {"value": "%s"}, "customerName": {"value": "%s"}, "customerEmail": {"value": "%s"},
          "customerPhone": {"value": "%s"}, "customerTier": {"value": "GOLD"}, "channel": {"value": "PHONE"},
          "category": {"value": "DAMAGE"}, "subject": {"value": "Vase broken"}, "description": {"value": "%s"}}}
        """.formatted(customer.id(), customer.name(), customer.email(), customer.phone(), customer.description());
    HttpResponse<String> started = http.as(agent, TestUsers.PASSWORD)
        .postJson("/engine-rest/process-definition/key/" + ComplaintHandlingProcess.KEY + "/submit-form", form);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode instance = Http.json(started);
    String reference = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance.get("id").asText()).singleResult().getBusinessKey();
    Jobs.continueAfterRegistration(engine, reference);

    assertThat(complaints.get(reference).customer().email()).isEqualTo(customer.email());
    assertThat(DatabaseDump.placesHolding(dataSource, ENGINE_TABLES, customer.email(), customer.phone()))
        .as("the start form's e-mail and phone are the complaint row's, not the engine's").isEmpty();
  }
}
