package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.language.Language;
import com.redress.shared.Money;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every read of a customer's personal data by staff (the API, the auditors' pages and timelines) is
 * an audit event on that customer's access chain: an auditor lists who looked at the customer,
 * through which endpoint and how much they saw (docs/security.md §3), while the complaint's own
 * story does not grow with reads.
 */
class PersonalDataReadsTest extends ApplicationTest {

  @Autowired ComplaintService complaints;
  @Autowired IdentityService identity;

  @Test
  void whoLookedAtThisCustomerNamesEveryReaderWithTheEndpointTheyUsed() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String handler = TestUsers.ensure(identity, "reads-handler-" + run, Groups.TEAM_SAFETY);
    String supervisor = TestUsers.ensure(identity, "reads-supervisor-" + run, Groups.SUPERVISORS);
    String auditor = TestUsers.ensure(identity, "reads-auditor-" + run, Groups.AUDITORS);
    String outsider = TestUsers.ensure(identity, "reads-outsider-" + run, Groups.TEAM_BILLING);
    String analyst = TestUsers.ensure(identity, "reads-analyst-" + run, Groups.PROCESS_ANALYSTS);
    String customer = "C-READS-" + run;
    String reference = safetyComplaint(customer, "Zhao Xin", run);
    int storyBefore = Http.json(http.as(auditor, TestUsers.PASSWORD)
        .get("/api/audit/complaints/" + reference + "/timeline")).size();

    assertThat(http.as(handler, TestUsers.PASSWORD).get("/api/complaints/" + reference).statusCode()).isEqualTo(200);
    assertThat(http.as(supervisor, TestUsers.PASSWORD).get("/api/complaints?team=" + Groups.TEAM_SAFETY + "&size=5")
        .body()).contains(reference);
    assertThat(http.as(auditor, TestUsers.PASSWORD).get("/api/complaints/" + reference).statusCode()).isEqualTo(200);
    // the auditors' pages show the complaint and, in the search, the customer's name
    assertThat(http.as(auditor, TestUsers.PASSWORD).get("/audit?customer=" + customer, "text/html").body())
        .contains(reference);
    assertThat(http.as(auditor, TestUsers.PASSWORD).get("/audit/complaints/" + reference, "text/html").statusCode())
        .isEqualTo(200);
    // refused: nothing was shown, so nothing was read
    assertThat(http.as(outsider, TestUsers.PASSWORD).get("/api/complaints/" + reference).statusCode()).isEqualTo(404);

    JsonNode reads = Http.json(http.as(auditor, TestUsers.PASSWORD).get("/api/audit/customers/" + customer + "/reads"));
    List<String> seen = new ArrayList<>();
    reads.forEach(read -> seen.add(read.get("actor").asText() + " " + read.at("/details/endpoint").asText() + " "
        + read.at("/details/complaint").asText() + " " + read.at("/details/shown").asText()));
    assertThat(seen).containsExactly(
        auditor + " GET /api/audit/complaints/{reference}/timeline " + reference + " MASKED",
        handler + " GET /api/complaints/{reference} " + reference + " FULL",
        supervisor + " GET /api/complaints " + reference + " MASKED",
        auditor + " GET /api/complaints/{reference} " + reference + " MASKED",
        auditor + " GET /audit " + reference + " MASKED",
        auditor + " GET /audit/complaints/{reference} " + reference + " MASKED");

    assertThat(Http.json(http.as(auditor, TestUsers.PASSWORD).get("/api/audit/complaints/" + reference + "/timeline"))
        .size()).as("reads are not the complaint's story").isEqualTo(storyBefore);
    assertThat(Http.json(http.as(auditor, TestUsers.PASSWORD).get("/api/audit/integrity?reference=reads:" + customer))
        .get("verified").asBoolean()).isTrue();
    assertThat(http.as(analyst, TestUsers.PASSWORD).get("/api/audit/customers/" + customer + "/reads").statusCode())
        .isEqualTo(403);
  }

  @Test
  void readsThroughTheEngineAreLoggedWithTheVariablesTheyShowed() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String handler = TestUsers.ensure(identity, "engine-reads-handler-" + run, Groups.TEAM_SAFETY);
    String auditor = TestUsers.ensure(identity, "engine-reads-auditor-" + run, Groups.AUDITORS);
    String analyst = TestUsers.ensure(identity, "engine-reads-analyst-" + run, Groups.PROCESS_ANALYSTS);
    String customer = "C-ENGINE-READS-" + run;
    String reference = safetyComplaint(customer, "Qian Li", run);
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult().getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

    // Tasklist opens the handling form; Cockpit lists the instance's variables
    HttpResponse<String> form = http.as(handler, TestUsers.PASSWORD).get("/engine-rest/task/" + task + "/form-variables");
    assertThat(form.body()).contains("Qian Li");
    String cockpit = "/engine-rest/variable-instance?firstResult=0&maxResults=50";
    String cockpitQuery = "{\"processInstanceIdIn\": [\"" + instance + "\"]}";
    assertThat(http.as(auditor, TestUsers.PASSWORD).postJson(cockpit, cockpitQuery).body())
        .contains("Qian Li");
    // an analyst's Cockpit shows no variables: nothing read, nothing logged
    assertThat(Http.json(http.as(analyst, TestUsers.PASSWORD).postJson(cockpit, cockpitQuery)))
        .isEmpty();

    JsonNode reads = Http.json(http.as(auditor, TestUsers.PASSWORD).get("/api/audit/customers/" + customer + "/reads"));
    List<String> seen = new ArrayList<>();
    reads.forEach(read -> seen.add(read.get("actor").asText() + " " + read.at("/details/endpoint").asText() + " "
        + read.at("/details/shown").asText()));
    assertThat(seen).containsExactly(
        handler + " GET /engine-rest/task/" + task + "/form-variables variables customerName, description, subject",
        auditor + " POST /engine-rest/variable-instance variables customerName, description, subject");

    // a task list is not logged per customer: a filter may not show their data as a column
    String filter = """
        {"resourceType": "Task", "name": "%s", "query": {},
         "properties": {"variables": [{"name": "%s", "label": "Customer"}]}}""";
    HttpResponse<String> refused = http.as(auditor, TestUsers.PASSWORD).postJson("/engine-rest/filter/create",
        filter.formatted("names " + run, "customerName"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("cannot show customerName");
    assertThat(http.as(auditor, TestUsers.PASSWORD).postJson("/engine-rest/filter/create",
        filter.formatted("references " + run, "complaintReference")).headers().firstValue("X-Redress-Refused"))
        .as("other columns are the engine's to allow").isEmpty();
  }

  /** A safety complaint of {@code customer}, waiting at team-safety's handling task. */
  private String safetyComplaint(String customer, String name, String run) {
    String reference = complaints.submit(new NewComplaint(
        new NewComplaint.Customer(customer, name, customer.toLowerCase() + "@example.com", null, CustomerTier.STANDARD),
        Channel.WEB, Category.SAFETY, "Exposed wiring", "A socket was left open with live wires.", "ORD-" + run,
        new Money(new BigDecimal("120.00"), "CNY"), null, null, Language.EN), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }
}
