package com.redress.identity;

import static com.redress.identity.Groups.AUDITORS;
import static com.redress.identity.Groups.AWARD_COMMITTEE;
import static com.redress.identity.Groups.CAMUNDA_ADMIN;
import static com.redress.identity.Groups.FINANCE;
import static com.redress.identity.Groups.INTAKE_AGENTS;
import static com.redress.identity.Groups.PRIVACY_OFFICERS;
import static com.redress.identity.Groups.PROCESS_ANALYSTS;
import static com.redress.identity.Groups.SERVICE_MANAGERS;
import static com.redress.identity.Groups.SUPERVISORS;
import static com.redress.identity.Groups.TEAM_SAFETY;
import static org.assertj.core.api.Assertions.assertThat;

import com.redress.award.EmployeeAwardProcess;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every group of Redress (docs/security.md §3) (and the administrators) against every resource it must or must not
 * reach, each probed for real as a member of that group. The expectations are SecurityConfig's and
 * IdentitySetup's rules, except {@code /actuator/prometheus}: administrators only. The matrix is
 * also written to {@code target/authorization-matrix.md} for the issue note.
 */
class AuthorizationMatrixTest extends ApplicationTest {

  /** The columns: Redress's groups, then the administrators. */
  private static final List<String> GROUPS =
      Stream.concat(Groups.ALL.stream(), Stream.of(CAMUNDA_ADMIN)).toList();
  private static final Set<String> EVERYONE = Set.copyOf(GROUPS);
  private static final Path REPORT = Path.of("target", "authorization-matrix.md");

  private static final String HTML = "text/html";
  private static final String JANUARY = "from=2026-01-01&to=2026-01-31";
  private static final String NO_SUCH_ID = "matrix-no-such-id";
  private static final HttpClient RAW = HttpClient.newHttpClient();

  @Autowired ComplaintService complaints;
  @Autowired IdentityService identity;

  /** A SAFETY complaint waiting at team-safety's handling task. */
  private String reference;
  private String processInstanceId;
  private String taskId;

  /** A member of exactly one group, probing as a column of the matrix. */
  private record Caller(String group, String user, List<String> groups) {
  }

  /** A resource, the groups that must reach it, and how to find out whether a caller does. */
  private record Row(String resource, Set<String> expected, Predicate<Caller> probe) {
  }

  @BeforeEach
  void safetyComplaint() {
    reference = complaints.submit(Complaints.of(Category.SAFETY, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(ComplaintHandlingProcess.TASK_HANDLE).singleResult();
    taskId = task.getId();
    processInstanceId = task.getProcessInstanceId();
  }

  @Test
  void everyGroupReachesWhatTheDesignGivesItAndNothingElse() throws IOException {
    List<Caller> callers = GROUPS.stream().map(group -> caller("matrix-" + group, group)).toList();
    List<Row> rows = rows();

    Map<String, Set<String>> expected = new LinkedHashMap<>();
    Map<String, Set<String>> actual = new LinkedHashMap<>();
    for (Row row : rows) {
      expected.put(row.resource(), row.expected());
      actual.put(row.resource(), callers.stream().filter(row.probe()).map(Caller::group).collect(Collectors.toSet()));
    }

    String table = table(rows, actual);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, "# Authorization matrix\n\n"
        + "One user per group, every resource probed for real by AuthorizationMatrixTest.\n\n"
        + "yes / no: allowed / refused, as designed; YES!: allowed but must not be; NO!: refused but must be.\n\n"
        + table);
    assertThat(actual)
        .withFailMessage("The authorization matrix differs from the design (YES!: allowed but must not be, "
            + "NO!: refused but must be allowed):%n%s", table)
        .isEqualTo(expected);
  }

  private List<Row> rows() {
    return List.of(
        // Redress API (SecurityConfig.api): authorization runs in the filter, before the controller,
        // so a 400 for an invalid body or a 404 for an unknown id means "let through", and nothing changes
        new Row("POST /api/complaints (public intake, invalid body)", EVERYONE,
            reaches(c -> as(c).postJson("/api/complaints", "{}"))),
        new Row("POST /api/complaints/{ref}/survey (customer, no token)", EVERYONE,
            reaches(c -> as(c).postJson("/api/complaints/" + reference + "/survey", "{}"))),
        new Row("GET /api/complaints", EVERYONE,
            reaches(c -> as(c).get("/api/complaints?page=0&size=1"))),
        // open to anyone with a token; 200 without one shows the caller was taken for staff
        // need-to-know (ComplaintAccessTest has every case): the safety team, those who read everything
        new Row("GET /api/complaints/{ref} (staff view, no token) of team-safety's complaint",
            Set.of(TEAM_SAFETY, SUPERVISORS, SERVICE_MANAGERS, AUDITORS, PRIVACY_OFFICERS, CAMUNDA_ADMIN),
            c -> as(c).get("/api/complaints/" + reference).statusCode() == 200),
        new Row("GET /api/audit/complaints/{ref}/timeline", Set.of(AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/audit/complaints/" + reference + "/timeline"))),
        new Row("GET /api/audit/integrity", Set.of(AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/audit/integrity?reference=" + reference))),
        // asks for CSV, which retention never answers: 406 once let through, and nothing is removed
        new Row("POST /api/audit/retention (Accept: text/csv)", Set.of(CAMUNDA_ADMIN),
            reaches(c -> postAccepting(c, "/api/audit/retention", "text/csv"))),
        new Row("POST /api/award-runs (invalid period)", Set.of(AWARD_COMMITTEE, CAMUNDA_ADMIN),
            reaches(c -> as(c).postJson("/api/award-runs", "{\"period\":\"not-a-month\"}"))),
        new Row("GET /api/award-runs/{id} (unknown id)",
            Set.of(AWARD_COMMITTEE, SERVICE_MANAGERS, FINANCE, AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/award-runs/" + NO_SUCH_ID))),
        new Row("POST /api/award-runs/{id}/objections (empty reason)", EVERYONE,
            reaches(c -> as(c).postJson("/api/award-runs/" + NO_SUCH_ID + "/objections", "{\"reason\":\"\"}"))),
        new Row("GET /api/award-runs/{id}/payout.csv (unknown id)", Set.of(FINANCE, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/award-runs/" + NO_SUCH_ID + "/payout.csv", "text/csv"))),
        new Row("PUT /api/compensation/budgets/{team}/{month} (no amount)", Set.of(FINANCE, CAMUNDA_ADMIN),
            reaches(c -> as(c).put("/api/compensation/budgets/" + TEAM_SAFETY + "/2026-01", "{}"))),
        new Row("GET /api/compensation/budgets/{team}/{month}",
            Set.of(FINANCE, SERVICE_MANAGERS, AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/compensation/budgets/" + TEAM_SAFETY + "/2026-01"))),
        new Row("GET /api/reports/compensation", Set.of(FINANCE, SERVICE_MANAGERS, AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/reports/compensation?from=2026-01&to=2026-01"))),
        new Row("GET /api/reports/kpis", Set.of(SERVICE_MANAGERS, AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/reports/kpis?" + JANUARY))),
        new Row("GET /api/analysis/what-if/{id} (unknown id)", Set.of(PROCESS_ANALYSTS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/analysis/what-if/" + NO_SUCH_ID))),
        new Row("GET /api/migrations/versions", Set.of(PROCESS_ANALYSTS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/migrations/versions?processDefinitionKey=CompensationApproval"))),

        // staff pages (SecurityConfig.staffPagesSecurity), signed in with HTTP Basic as scripts do
        new Row("GET /audit (search page)", Set.of(AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/audit", HTML))),
        new Row("GET /audit/complaints/{ref} (complaint page)", Set.of(AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/audit/complaints/" + reference, HTML))),
        new Row("GET /privacy (customers' data)", Set.of(PRIVACY_OFFICERS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/privacy", HTML))),
        new Row("GET /api/privacy/customers?email= (customer's rights)", Set.of(PRIVACY_OFFICERS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/api/privacy/customers?email=nobody@example.com"))),
        new Row("GET /reports/kpis (dashboard)", Set.of(SERVICE_MANAGERS, AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/reports/kpis?" + JANUARY, HTML))),
        new Row("GET /reports/kpis.csv", Set.of(SERVICE_MANAGERS, AUDITORS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/reports/kpis.csv?" + JANUARY, "text/csv"))),
        new Row("GET /analysis/what-if (page)", Set.of(PROCESS_ANALYSTS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/analysis/what-if", HTML))),
        new Row("GET /analysis/migrations (page)", Set.of(PROCESS_ANALYSTS, CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/analysis/migrations?process=CompensationApproval", HTML))),
        new Row("GET /awards/{id} (results page, unknown id)", EVERYONE,
            reaches(c -> as(c).get("/awards/" + NO_SUCH_ID, HTML))),
        new Row("GET /actuator/prometheus", Set.of(CAMUNDA_ADMIN),
            reaches(c -> as(c).get("/actuator/prometheus", "text/plain"))),
        new Row("GET /actuator/health", EVERYONE,
            reaches(c -> as(c).get("/actuator/health"))),

        // webapps: Camunda lets a user into an app on an APPLICATION authorization (IdentitySetup)
        new Row("Tasklist (application access)", EVERYONE,
            c -> authorized(c, Permissions.ACCESS, Resources.APPLICATION, "tasklist")),
        new Row("Cockpit (application access)", Set.of(AUDITORS, PROCESS_ANALYSTS, CAMUNDA_ADMIN),
            c -> authorized(c, Permissions.ACCESS, Resources.APPLICATION, "cockpit")),
        new Row("Admin (application access)", Set.of(CAMUNDA_ADMIN),
            c -> authorized(c, Permissions.ACCESS, Resources.APPLICATION, "admin")),

        // engine REST: every call runs with the caller's Camunda authorizations, as Tasklist's and Cockpit's do
        new Row("engine REST: sees team-safety's handling task", Set.of(TEAM_SAFETY, AUDITORS, CAMUNDA_ADMIN),
            c -> finds(as(c).get("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + reference))),
        new Row("engine REST: claims team-safety's handling task", Set.of(TEAM_SAFETY, CAMUNDA_ADMIN),
            this::claims),
        // the customer's name, subject and description as variables (ADR 0016): the form's readers only
        new Row("engine REST: reads the handling task's form variables (Tasklist's form)",
            Set.of(TEAM_SAFETY, AUDITORS, CAMUNDA_ADMIN),
            c -> showsTheCustomer(as(c).get("/engine-rest/task/" + taskId + "/form-variables"))),
        new Row("engine REST: lists the running case's variables (Cockpit's variable table)",
            Set.of(AUDITORS, CAMUNDA_ADMIN),
            c -> showsTheCustomer(as(c).postJson("/engine-rest/variable-instance?firstResult=0&maxResults=50",
                "{\"processInstanceIdIn\": [\"" + processInstanceId + "\"]}"))),
        new Row("engine REST: lists the case's variable history (Cockpit's history view)", Set.of(),
            c -> showsTheCustomer(as(c).postJson("/engine-rest/history/variable-instance?firstResult=0&maxResults=50",
                "{\"processInstanceId\": \"" + processInstanceId + "\"}"))),
        new Row("engine REST: sees the running process instance", Set.of(AUDITORS, CAMUNDA_ADMIN),
            c -> finds(as(c).get("/engine-rest/process-instance?maxResults=100&businessKey=" + reference))),
        new Row("engine REST: reads the process instance's history",
            Set.of(AUDITORS, PROCESS_ANALYSTS, CAMUNDA_ADMIN),
            c -> finds(as(c).get("/engine-rest/history/process-instance?maxResults=100&processInstanceBusinessKey=" + reference))),
        new Row("engine REST: reads the classification decision's history",
            Set.of(AUDITORS, PROCESS_ANALYSTS, CAMUNDA_ADMIN),
            c -> finds(as(c).get("/engine-rest/history/decision-instance?maxResults=100&processInstanceId=" + processInstanceId))),
        // checked, not done: a deployment or a started instance would stay in the context other tests share
        new Row("engine: deploys (POST /engine-rest/deployment/create)", Set.of(PROCESS_ANALYSTS, CAMUNDA_ADMIN),
            c -> authorized(c, Permissions.CREATE, Resources.DEPLOYMENT, Authorization.ANY)),
        new Row("engine: starts ComplaintHandling", Set.of(INTAKE_AGENTS, CAMUNDA_ADMIN),
            c -> mayStart(c, ComplaintHandlingProcess.KEY)),
        new Row("engine: starts EmployeeAward", Set.of(AWARD_COMMITTEE, CAMUNDA_ADMIN),
            c -> mayStart(c, EmployeeAwardProcess.KEY)),
        // past registration and classification: engine REST starts a process only through its start form
        // (EngineRestAllowList), administrators included; an unknown activity: nothing starts
        new Row("engine REST: starts ComplaintHandling at an activity", Set.of(),
            reaches(c -> as(c).postJson("/engine-rest/process-definition/key/" + ComplaintHandlingProcess.KEY
                + "/start", "{\"startInstructions\": [{\"type\": \"startBeforeActivity\","
                + " \"activityId\": \"Matrix_NoSuchActivity\"}]}"))));
  }

  private Caller caller(String user, String group) {
    TestUsers.ensure(identity, user, group);
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    return new Caller(group, user, groups);
  }

  private Http as(Caller caller) {
    return http.as(caller.user(), TestUsers.PASSWORD);
  }

  /** Let through unless refused: 401 (who are you?) or 403 (not you). */
  private static Predicate<Caller> reaches(Function<Caller, HttpResponse<String>> call) {
    return caller -> {
      int status = call.apply(caller).statusCode();
      return status != 401 && status != 403;
    };
  }

  /** An engine REST query whose answer lists something: the engine filters out what the caller may not read. */
  private static boolean finds(HttpResponse<String> response) {
    return response.statusCode() == 200 && !Http.json(response).isEmpty();
  }

  /** An answer that shows the customer's name (every complaint here has one). */
  private boolean showsTheCustomer(HttpResponse<String> response) {
    return response.statusCode() == 200
        && response.body().contains(complaints.get(reference).customer().name());
  }

  /** Claims for real and, when that works, gives the task back so the next caller finds it open again. */
  private boolean claims(Caller caller) {
    int status = as(caller).postJson("/engine-rest/task/" + taskId + "/claim",
        "{\"userId\":\"" + caller.user() + "\"}").statusCode();
    if (status == 204) {
      engine.getTaskService().setAssignee(taskId, null);
    }
    return status == 204;
  }

  private boolean authorized(Caller caller, Permission permission, Resource resource, String resourceId) {
    return engine.getAuthorizationService()
        .isUserAuthorized(caller.user(), caller.groups(), permission, resource, resourceId);
  }

  /** Starting an instance takes both: CREATE_INSTANCE on the definition and CREATE on process instances. */
  private boolean mayStart(Caller caller, String processKey) {
    return authorized(caller, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, processKey)
        && authorized(caller, Permissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY);
  }

  /** A POST accepting only {@code accept}; Http always adds {@code Accept: application/json}. */
  private HttpResponse<String> postAccepting(Caller caller, String path, String accept) {
    String basic = Base64.getEncoder()
        .encodeToString((caller.user() + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .POST(HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Basic " + basic)
        .header("Accept", accept)
        .build();
    return Http.send(RAW, request);
  }

  /** Markdown, padded to read in a console too; a cell in capitals with "!" differs from the design. */
  private static String table(List<Row> rows, Map<String, Set<String>> actual) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(Stream.concat(Stream.of("resource"), GROUPS.stream()).toList());
    for (Row row : rows) {
      List<String> cells = new ArrayList<>(List.of(row.resource()));
      for (String group : GROUPS) {
        cells.add(cell(row.expected().contains(group), actual.get(row.resource()).contains(group)));
      }
      lines.add(cells);
    }
    int[] widths = new int[GROUPS.size() + 1];
    for (List<String> cells : lines) {
      for (int i = 0; i < cells.size(); i++) {
        widths[i] = Math.max(widths[i], cells.get(i).length());
      }
    }
    StringBuilder markdown = new StringBuilder(line(lines.get(0), widths));
    markdown.append(line(Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths));
    lines.stream().skip(1).forEach(cells -> markdown.append(line(cells, widths)));
    return markdown.toString();
  }

  private static String cell(boolean expected, boolean actual) {
    String answer = actual ? "yes" : "no";
    return actual == expected ? answer : answer.toUpperCase() + "!";
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < cells.size(); i++) {
      line.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
    }
    return line.append('\n').toString();
  }
}
