package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The intake API of docs/api.md over real HTTP: contract, access tokens, idempotency and every bad input. */
class ComplaintApiTest extends ApplicationTest {

  private static final String VALID = Submissions.body("C-API", "ORD-API", "DAMAGE", "GOLD", "Vase broken");

  @Autowired JdbcTemplate jdbc;

  private Http staff;

  @BeforeEach
  void staffUser() {
    staff = http.as(TestUsers.ensure(engine.getIdentityService(), "api-supervisor", Groups.SUPERVISORS),
        TestUsers.PASSWORD);
  }

  @Test
  void aDescriptionFitsTheEnginesTextColumnOrIsRefusedAtTheDoor() {
    // registration copies the description into a process variable, kept in a 4000-character column
    String longest = "花".repeat(4000);
    HttpResponse<String> accepted = http.postJson("/api/complaints", Submissions.valid("DAMAGE", "STANDARD")
        .replace("The cleaner knocked over the vase in the living room.", longest));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    String reference = Http.json(accepted).get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).singleResult()
        .getTaskDefinitionKey()).isEqualTo(ComplaintHandlingProcess.TASK_HANDLE);

    long before = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);
    HttpResponse<String> refused = http.postJson("/api/complaints", Submissions.valid("DAMAGE", "STANDARD")
        .replace("The cleaner knocked over the vase in the living room.", longest + "x"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Http.json(refused).at("/errors/0/field").asText()).isEqualTo("description");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class)).isEqualTo(before);
  }

  @Test
  void submissionAnswersReferenceTokenAndStatus() {
    HttpResponse<String> response = http.postJson("/api/complaints", Submissions.valid("DAMAGE", "GOLD"));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = Http.json(response);
    String reference = body.get("reference").asText();
    assertThat(reference).matches("CMP-\\d{4}-\\d{6}");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/complaints/" + reference);
    assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
    String token = body.get("accessToken").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 random bits, base64url
    // only the hash is stored
    assertThat(jdbc.queryForList("SELECT token_hash FROM complaint_access_token WHERE complaint_reference = ?",
        String.class, reference)).isNotEmpty().doesNotContain(token).allMatch(h -> h.matches("[0-9a-f]{64}"));
  }

  @Test
  void customerReadsTheirComplaintWithTheTokenOnly() {
    JsonNode created = Http.json(http.postJson("/api/complaints", Submissions.valid("SAFETY", "STANDARD")));
    String reference = created.get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);

    HttpResponse<String> own = http.get("/api/complaints/" + reference + "?token=" + created.get("accessToken").asText());
    assertThat(own.statusCode()).isEqualTo(200);
    JsonNode view = Http.json(own);
    assertThat(view.get("severity").asText()).isEqualTo("HIGH");
    assertThat(view.at("/sla/resolutionDue").asText()).endsWith("+08:00");
    assertThat(view.has("staff")).as("customers do not see internal data").isFalse();

    HttpResponse<String> wrongToken = http.get("/api/complaints/" + reference + "?token=not-the-token");
    HttpResponse<String> noToken = http.get("/api/complaints/" + reference);
    HttpResponse<String> unknown = http.get("/api/complaints/CMP-1999-999999?token=whatever");
    for (HttpResponse<String> response : List.of(wrongToken, noToken, unknown)) {
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
    // wrong token and unknown reference are indistinguishable
    assertThat(Http.json(wrongToken).get("detail")).isEqualTo(Http.json(unknown).get("detail"));
  }

  @Test
  void staffReadsAnyComplaintAndListsThemFilteredAndPaged() {
    String reference = Http.json(http.postJson("/api/complaints", Submissions.valid("BILLING", "PLATINUM")))
        .get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);

    JsonNode one = Http.json(staff.get("/api/complaints/" + reference));
    assertThat(one.at("/staff/customer/name").asText()).isEqualTo("Li Wei");
    assertThat(one.at("/staff/orderAmount/amount").asText()).isEqualTo("800.00");
    assertThat(one.at("/staff/handlerGroup").asText()).isEqualTo(Groups.TEAM_BILLING);

    JsonNode page = Http.json(staff.get("/api/complaints?category=BILLING&severity=HIGH&team=team-billing&size=1"));
    assertThat(page.get("page").asInt()).isZero();
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.get("items")).hasSize(1);
    assertThat(page.get("totalElements").asLong()).isPositive();
    assertThat(page.at("/items/0/category").asText()).isEqualTo("BILLING");

    assertThat(Http.json(staff.get("/api/complaints?status=CLOSED&from=2000-01-01&to=2000-01-31"))
        .get("totalElements").asLong()).isZero();
  }

  @Test
  void staffCredentialsDoNotChangeThePublicIntake() {
    HttpResponse<String> response = staff.postJson("/api/complaints", Submissions.valid("DELAY", "GOLD"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void listingNeedsStaffCredentialsAndValidParameters() {
    HttpResponse<String> anonymous = http.get("/api/complaints");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
    // a wrong password locks the user out for a while (Camunda's brute-force protection), so use a throwaway one
    TestUsers.ensure(engine.getIdentityService(), "api-locked-out", Groups.SUPERVISORS);
    assertThat(http.as("api-locked-out", "wrong").get("/api/complaints").statusCode()).isEqualTo(401);

    HttpResponse<String> bad = staff.get("/api/complaints?status=LOST&size=1000&from=yesterday");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(fields(bad)).containsExactlyInAnyOrder("status", "size", "from");
  }

  @Test
  void repeatedIdempotencyKeyReturnsTheFirstComplaintAndRefusesAnotherBody() {
    String key = UUID.randomUUID().toString();
    String body = Submissions.valid("DELAY", "GOLD");
    HttpResponse<String> first = http.postJson("/api/complaints", body, "Idempotency-Key", key);
    HttpResponse<String> again = http.postJson("/api/complaints", body, "Idempotency-Key", key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    String reference = Http.json(first).get("reference").asText();
    assertThat(Http.json(again).get("reference").asText()).isEqualTo(reference);
    // the replay's token works too: the first one may never have reached the client
    assertThat(http.get("/api/complaints/" + reference + "?token=" + Http.json(again).get("accessToken").asText())
        .statusCode()).isEqualTo(200);

    long complaints = count("complaint");
    HttpResponse<String> otherBody = http.postJson("/api/complaints", Submissions.valid("DELAY", "GOLD"),
        "Idempotency-Key", key);
    assertThat(otherBody.statusCode()).isEqualTo(422);
    assertThat(count("complaint")).isEqualTo(complaints);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void badInputIsRefusedNamingEveryBadFieldAndStoresNothing(String caseName, String body, List<String> badFields) {
    Snapshot before = snapshot();

    HttpResponse<String> response = http.postJson("/api/complaints", body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = Http.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(fields(response)).containsExactlyInAnyOrderElementsOf(badFields);
    assertThat(snapshot()).isEqualTo(before);
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"customer\": {\"id\": ", List.of("$")),
        Arguments.of("empty body", "", List.of("$")),
        Arguments.of("wrong JSON type", VALID.replace("\"subject\": \"Vase broken\"", "\"subject\": {\"x\": 1}"),
            List.of("subject")),
        Arguments.of("missing fields", "{\"customer\": {\"id\": \"C-1\"}, \"channel\": \"WEB\"}",
            List.of("customer.name", "customer.tier", "category", "subject", "description")),
        Arguments.of("missing customer", VALID.replaceAll("\"customer\": \\{[^}]*\\},", ""), List.of("customer")),
        Arguments.of("over-long subject and description", VALID
                .replace("\"Vase broken\"", "\"" + "s".repeat(201) + "\"")
                .replace("\"The cleaner knocked over the vase in the living room.\"", "\"" + "d".repeat(10_001) + "\""),
            List.of("subject", "description")),
        Arguments.of("unknown enumeration values", VALID.replace("\"GOLD\"", "\"DIAMOND\"")
            .replace("\"WEB\"", "\"FAX\"").replace("\"DAMAGE\"", "\"ALIENS\""),
            List.of("customer.tier", "channel", "category")),
        Arguments.of("negative amount", VALID.replace("\"800.00\"", "\"-800.00\""), List.of("orderAmount.amount")),
        Arguments.of("malformed amount", VALID.replace("\"800.00\"", "\"8,00.001\""), List.of("orderAmount.amount")),
        Arguments.of("unknown currency", VALID.replace("\"CNY\"", "\"XYZ\""), List.of("orderAmount.currency")),
        Arguments.of("bad e-mail and time", VALID.replace("li.wei@example.com", "not-an-email")
            .replace("2026-11-20T10:15:00+08:00", "last Tuesday"), List.of("customer.email", "occurredAt")));
  }

  @Test
  void bodyOver64KibIsRefusedWith413AndStoresNothing() {
    Snapshot before = snapshot();
    String huge = VALID.replace("\"The cleaner knocked over the vase in the living room.\"",
        "\"" + "x".repeat(70 * 1024) + "\"");

    HttpResponse<String> response = http.postJson("/api/complaints", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void nonJsonBodyIsRefusedWith415AndStoresNothing() {
    Snapshot before = snapshot();

    HttpResponse<String> response = http.post("/api/complaints", "text/plain", "my vase is broken");

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(snapshot()).isEqualTo(before);
  }

  private record Snapshot(long complaints, long tokens, long outbox, long processInstances, long historicInstances) {
  }

  private Snapshot snapshot() {
    return new Snapshot(count("complaint"), count("complaint_access_token"), count("notification_outbox"),
        engine.getRuntimeService().createProcessInstanceQuery().count(),
        engine.getHistoryService().createHistoricProcessInstanceQuery().count());
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  private static List<String> fields(HttpResponse<String> response) {
    List<String> fields = new ArrayList<>();
    Http.json(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }
}
