package com.redress.identity;

import com.redress.shared.EnginePaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which engine REST calls each group may make, through either door to the engine: Camunda's engine
 * REST ({@code /engine-rest}, also as {@code /engine-rest/engine/{name}}) and the webapps' own copy
 * of it ({@code /camunda/api/engine/engine/{name}}), plus the webapps' plugin APIs
 * ({@code /camunda/api/{admin,cockpit,tasklist,welcome}}). What is not listed is refused: a new
 * endpoint in a Camunda upgrade stays closed until someone decides. The engine's authorizations
 * still apply to whatever is allowed here; this list takes away the calls no role of Redress needs
 * and several that bypass its rules (correlating its messages, starting a complaint without its
 * start form, ending a task with an uncaught BPMN error, creating standalone tasks).
 * Paths are matched in their canonical form ({@link EnginePaths}).
 */
final class EngineRestAllowList {

  /** A condition the guard checks against the engine before it lets an allowed call through. */
  enum Check {
    NONE,
    /** {@code bpmnError} or {@code bpmnEscalation} on a task: only where the model catches that code there. */
    CAUGHT_AT_TASK,
    /** deleting a deployment or a process definition: never while instances of it run. */
    NO_RUNNING_INSTANCES,
    /** an authorization: a grant, never a revoke (the engine does not look for revokes). */
    NO_REVOKE,
    /** a Tasklist filter: no column of a customer's personal data (a list is not a read that is logged). */
    NO_PERSONAL_COLUMNS
  }

  /** The outcome for one request. */
  record Decision(boolean allowed, Check check, String reason) {

    static Decision allow(Check check) {
      return new Decision(true, check, null);
    }

    static Decision refuse(String reason) {
      return new Decision(false, Check.NONE, reason);
    }
  }

  /** Who a rule is for. */
  private enum Audience {
    /** every signed-in user of any Redress group (engine authorizations narrow it further) */
    STAFF,
    /** auditors and process analysts: Cockpit's reads */
    COCKPIT,
    /** intake agents: the complaint start form */
    INTAKE,
    /** process analysts: deployments from Modeler */
    DEPLOYERS,
    /** anyone, signed in or not: logging in and out */
    ANYONE
  }

  private record Rule(Audience audience, String method, String[] pattern, Check check) {
  }

  private static final List<Rule> RULES = new ArrayList<>();
  /**
   * Decided before any group's rule: without a check, for nobody, administrators included (Redress's
   * own services do these after their own checks); with a check, for administrators only.
   */
  private static final List<Rule> NOBODY = new ArrayList<>();

  static {
    // Tasklist: the task list through filters, a task's details, form, history and diagram, its work
    for (String read : List.of("/task/**", "/filter/**", "/process-definition/**", "/decision-definition/**",
        "/decision-requirements-definition/**", "/deployment/**", "/history/**", "/process-instance/**",
        "/execution/**", "/variable-instance/**", "/incident/**", "/job/**", "/job-definition/**", "/batch/**",
        "/user/**", "/group/**", "/identity/**", "/authorization/**", "/tenant/**", "/case-definition/**",
        "/case-instance/**", "/case-execution/**", "/event-subscription/**", "/version", "/engine")) {
      allow(Audience.STAFF, "GET", read);
    }
    for (String query : List.of("/task", "/task/count", "/filter/{}/list", "/filter/{}/count",
        "/filter/{}/singleResult", "/history/task", "/history/task/count")) {
      allow(Audience.STAFF, "POST", query);
    }
    for (String work : List.of("claim", "unclaim", "complete", "submit-form", "resolve", "assignee", "delegate",
        "identity-links", "identity-links/delete", "comment/create", "attachment/create", "variables",
        "localVariables")) {
      allow(Audience.STAFF, "POST", "/task/{}/" + work);
    }
    allow(Audience.STAFF, "PUT", "/task/{}");
    // the links' "what may I do here" checks; the Welcome app's own profile and password
    allow(Audience.STAFF, "OPTIONS", "/**");
    allow(Audience.STAFF, "PUT", "/user/{}/profile");
    allow(Audience.STAFF, "PUT", "/user/{}/credentials");
    allow(Audience.STAFF, "POST", "/group");
    allow(Audience.STAFF, "DELETE", "/task/{}/attachment/{}");
    // a user's own Tasklist filters (the engine's filter authorizations decide whose)
    RULES.add(new Rule(Audience.STAFF, "POST", split("/filter/create"), Check.NO_PERSONAL_COLUMNS));
    RULES.add(new Rule(Audience.STAFF, "PUT", split("/filter/{}"), Check.NO_PERSONAL_COLUMNS));
    allow(Audience.STAFF, "DELETE", "/filter/{}");
    for (String signal : List.of("bpmnError", "bpmnEscalation")) {
      RULES.add(new Rule(Audience.STAFF, "POST", split("/task/{}/" + signal), Check.CAUGHT_AT_TASK));
    }

    // Cockpit for auditors and analysts: its queries are POSTs that read
    for (String query : List.of("/process-instance", "/process-instance/count", "/execution", "/execution/count",
        "/variable-instance", "/variable-instance/count", "/job", "/job/count", "/job-definition",
        "/job-definition/count", "/group", "/group/count", "/history/activity-instance",
        "/history/activity-instance/count", "/history/process-instance", "/history/process-instance/count",
        "/history/variable-instance", "/history/variable-instance/count", "/history/detail", "/history/job-log",
        "/history/job-log/count", "/external-task", "/external-task/count")) {
      allow(Audience.COCKPIT, "POST", query);
    }

    // the complaint start form in Tasklist, the only way staff start a process over engine REST
    for (String form : List.of("/process-definition/{}/submit-form", "/process-definition/key/{}/submit-form",
        "/process-definition/key/{}/tenant-id/{}/submit-form")) {
      allow(Audience.INTAKE, "POST", form);
    }
    allow(Audience.DEPLOYERS, "POST", "/deployment/create");

    // what administrators may do beyond everything above is every other endpoint, minus NOBODY's;
    // deleting what still runs is checked against the engine
    for (String delete : List.of("/deployment/{}", "/process-definition/{}", "/process-definition/key/{}",
        "/process-definition/key/{}/delete", "/process-definition/key/{}/tenant-id/{}",
        "/process-definition/key/{}/tenant-id/{}/delete")) {
      NOBODY.add(new Rule(Audience.ANYONE, "DELETE", split(delete), Check.NO_RUNNING_INSTANCES));
    }
    NOBODY.add(new Rule(Audience.ANYONE, "POST", split("/authorization/create"), Check.NO_REVOKE));
    NOBODY.add(new Rule(Audience.ANYONE, "PUT", split("/authorization/{}"), Check.NO_REVOKE));
    for (String bypass : List.of("/message", "/signal", "/condition", "/process-instance/message-async",
        "/execution/{}/messageSubscriptions/{}/trigger", "/execution/{}/signal",
        "/process-definition/{}/start", "/process-definition/key/{}/start", "/process-definition/key/{}/tenant-id/{}/start",
        "/process-definition/{}/restart", "/process-definition/key/{}/restart",
        "/process-definition/key/{}/tenant-id/{}/restart", "/process-definition/{}/restart-async",
        "/process-definition/key/{}/restart-async", "/process-definition/key/{}/tenant-id/{}/restart-async",
        "/task/create")) {
      NOBODY.add(new Rule(Audience.ANYONE, "POST", split(bypass), Check.NONE));
    }
    // running instances move to another version through Redress's migration (/api/migrations), which
    // checks the target, keeps SLA timers and writes the audit trail; the engine's own door would skip all three
    NOBODY.add(new Rule(Audience.ANYONE, "POST", split("/migration/**"), Check.NONE));

    // the webapps' own APIs: logging in and out for anyone, each app's plugins for its users
    RULES.add(new Rule(Audience.ANYONE, "*", split("/camunda/api/admin/auth/**"), Check.NONE));
    RULES.add(new Rule(Audience.ANYONE, "*", split("/identity/password-policy"), Check.NONE));
    RULES.add(new Rule(Audience.ANYONE, "GET", split("/camunda/api/{}/plugin/{}/static/**"), Check.NONE));
    RULES.add(new Rule(Audience.STAFF, "*", split("/camunda/api/tasklist/**"), Check.NONE));
    RULES.add(new Rule(Audience.STAFF, "*", split("/camunda/api/welcome/**"), Check.NONE));
    RULES.add(new Rule(Audience.COCKPIT, "GET", split("/camunda/api/cockpit/**"), Check.NONE));
    RULES.add(new Rule(Audience.COCKPIT, "POST", split("/camunda/api/cockpit/plugin/**"), Check.NONE));
  }

  private EngineRestAllowList() {
  }

  private static void allow(Audience audience, String method, String pattern) {
    RULES.add(new Rule(audience, method, split(pattern), Check.NONE));
  }

  /** The decision for a signed-in user with these groups ({@code groups} is empty for an anonymous caller). */
  static Decision decide(String method, EnginePaths.Target target, boolean signedIn, Set<String> groups) {
    String httpMethod = method.toUpperCase(Locale.ROOT);
    if (target.api().equals(EnginePaths.Target.NOT_GUARDED)) {
      return Decision.allow(Check.NONE);
    }
    String[] path = split(target.path());
    boolean engine = target.api().equals(EnginePaths.Target.ENGINE);
    if (engine) {
      for (Rule rule : NOBODY) {
        if (matches(rule, httpMethod, path)) {
          return rule.check() == Check.NONE
              ? Decision.refuse(httpMethod + " " + target.path() + " is for Redress's own services only")
              : groups.contains(Groups.CAMUNDA_ADMIN) ? Decision.allow(rule.check())
              : Decision.refuse(httpMethod + " " + target.path() + " is for administrators only");
        }
      }
    }
    if (!signedIn) {
      // the engine's and webapps' own authentication answers 401; nothing is decided for nobody
      return Decision.allow(Check.NONE);
    }
    for (Rule rule : RULES) {
      if (matches(rule, httpMethod, path) && (rule.audience() == Audience.ANYONE || member(rule.audience(), groups))) {
        return Decision.allow(rule.check());
      }
    }
    if (groups.contains(Groups.CAMUNDA_ADMIN)) {
      return Decision.allow(Check.NONE);
    }
    return Decision.refuse(httpMethod + " " + (engine ? "engine REST " : "") + target.path()
        + " is not among the calls your groups may make");
  }

  private static boolean member(Audience audience, Set<String> groups) {
    return switch (audience) {
      case STAFF -> !groups.isEmpty();
      case COCKPIT -> groups.contains(Groups.AUDITORS) || groups.contains(Groups.PROCESS_ANALYSTS)
          || groups.contains(Groups.CAMUNDA_ADMIN);
      case INTAKE -> groups.contains(Groups.INTAKE_AGENTS) || groups.contains(Groups.CAMUNDA_ADMIN);
      case DEPLOYERS -> groups.contains(Groups.PROCESS_ANALYSTS) || groups.contains(Groups.CAMUNDA_ADMIN);
      case ANYONE -> true;
    };
  }

  private static boolean matches(Rule rule, String method, String[] path) {
    if (!rule.method().equals("*") && !rule.method().equals(method)) {
      return false;
    }
    String[] pattern = rule.pattern();
    for (int i = 0; i < pattern.length; i++) {
      if (pattern[i].equals("**")) {
        return true;
      }
      if (i >= path.length || !(pattern[i].equals("{}") || pattern[i].equals(path[i]))) {
        return false;
      }
    }
    return pattern.length == path.length;
  }

  private static String[] split(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
  }
}
