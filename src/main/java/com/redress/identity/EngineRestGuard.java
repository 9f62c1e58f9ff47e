package com.redress.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.redress.audit.AuditTrail;
import com.redress.identity.EngineRestAllowList.Check;
import com.redress.identity.EngineRestAllowList.Decision;
import com.redress.shared.EnginePaths;
import com.redress.shared.EnginePaths.Target;
import com.redress.shared.BodyReadAgain;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies {@link EngineRestAllowList} to every request through either door to the engine, after
 * engine REST's Basic authentication and before the webapps' own filters (it reads their session
 * for the caller and their groups) and before Redress's other guards. A refusal answers 403 in engine REST's error format (Tasklist and
 * Cockpit show its message), is logged once and recorded in the audit trail's security chain.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class EngineRestGuard extends OncePerRequestFilter {

  /** The audit chain of refused calls to the engine. */
  static final String SECURITY_CHAIN = "security";
  /** Marks this guard's refusals, so that they can be told apart from the engine's own 403. */
  static final String REFUSED_HEADER = "X-Redress-Refused";
  private static final Logger LOG = LoggerFactory.getLogger(EngineRestGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final IdentityService identity;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final AuditTrail audit;
  private final EngineVariableReads variableReads;

  EngineRestGuard(IdentityService identity, TaskService tasks, RepositoryService repository, RuntimeService runtime,
      AuditTrail audit, EngineVariableReads variableReads) {
    this.variableReads = variableReads;
    this.identity = identity;
    this.tasks = tasks;
    this.repository = repository;
    this.runtime = runtime;
    this.audit = audit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // where the container routes it (decoded, normalized): decides whether this guard is concerned
    String routed = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!routed.startsWith("/engine-rest") && !routed.startsWith("/camunda/api/")) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> canonical = EnginePaths.canonical(request.getRequestURI()
        .substring(request.getContextPath().length()));
    if (canonical.isEmpty()) {
      refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, null,
          "The path is not in canonical form (no ';' parameters, double slashes, dot segments or encoded separators)");
      return;
    }
    Target target = EnginePaths.target(canonical.get());
    Caller caller = caller(request);
    Decision decision = EngineRestAllowList.decide(request.getMethod(), target, caller != null,
        caller == null ? Set.of() : caller.groups());
    if (!decision.allowed()) {
      refuse(request, response, HttpServletResponse.SC_FORBIDDEN, caller, decision.reason());
      return;
    }
    HttpServletRequest forward = request;
    String refusal = null;
    if (decision.check() == Check.CAUGHT_AT_TASK) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES);
      forward = new BodyReadAgain(request, body);
      refusal = uncaught(target.path(), body);
    } else if (decision.check() == Check.NO_RUNNING_INSTANCES) {
      refusal = stillRunning(target.path());
    } else if (decision.check() == Check.NO_REVOKE) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES);
      forward = new BodyReadAgain(request, body);
      refusal = revoke(body);
    } else if (decision.check() == Check.NO_PERSONAL_COLUMNS) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES);
      forward = new BodyReadAgain(request, body);
      refusal = personalColumns(body);
    }
    if (refusal != null) {
      refuse(request, response, HttpServletResponse.SC_FORBIDDEN, caller, refusal);
      return;
    }
    if (caller != null && Target.ENGINE.equals(target.api())
        && VariableAnswers.shows(request.getMethod(), target.path())) {
      answerShowingVariables(forward, response, chain, caller, target);
      return;
    }
    chain.doFilter(forward, response);
  }

  /**
   * Holds back an answer that shows variables until the reads of personal data in it are recorded
   * (docs/security.md §3): one that cannot be recorded is not given.
   */
  private void answerShowingVariables(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      Caller caller, Target target) throws IOException, ServletException {
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    if (held.getStatus() == HttpServletResponse.SC_OK) {
      variableReads.answered(caller.userId(), request.getMethod() + " " + request.getRequestURI(),
          VariableAnswers.seen(target.path(), held.getContentAsByteArray()));
    }
    held.copyBodyToResponse();
  }

  private record Caller(String userId, Set<String> groups) {
  }

  /**
   * The signed-in user: engine REST's Basic authentication (its filter has run), or the webapps'
   * session (their own authentication filter runs after this one, so the session is read here).
   */
  private Caller caller(HttpServletRequest request) {
    var engine = identity.getCurrentAuthentication();
    if (engine != null && engine.getUserId() != null) {
      return new Caller(engine.getUserId(), engine.getGroupIds() == null ? Set.of() : new HashSet<>(engine.getGroupIds()));
    }
    HttpSession session = request.getSession(false);
    Authentications webapps = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (webapps != null) {
      for (org.camunda.bpm.webapp.impl.security.auth.Authentication signedIn : webapps.getAuthentications()) {
        if (signedIn instanceof UserAuthentication user) {
          return new Caller(user.getName(), user.getGroupIds() == null ? Set.of() : new HashSet<>(user.getGroupIds()));
        }
      }
    }
    return null;
  }

  /**
   * Why a BPMN error or escalation thrown at this task would end or reroute the case where the
   * model does not expect it, or null when a boundary event of the task catches that code.
   */
  private String uncaught(String path, byte[] body) {
    String[] segments = path.split("/");
    String taskId = segments[2];
    boolean error = segments[3].equals("bpmnError");
    String code;
    try {
      JsonNode json = JSON.readTree(body);
      code = json == null ? null : json.path(error ? "errorCode" : "escalationCode").asText(null);
    } catch (IOException e) {
      code = null;
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessDefinitionId() == null) {
      return null; // the engine answers for a task this caller cannot see
    }
    String thrown = code;
    boolean caught = repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementsByType(BoundaryEvent.class).stream()
        .filter(b -> b.getAttachedTo() != null && task.getTaskDefinitionKey().equals(b.getAttachedTo().getId()))
        .flatMap(b -> b.getEventDefinitions().stream())
        .anyMatch(definition -> error
            ? definition instanceof ErrorEventDefinition e && (e.getError() == null
                || e.getError().getErrorCode() == null || e.getError().getErrorCode().equals(thrown))
            : definition instanceof EscalationEventDefinition x && (x.getEscalation() == null
                || x.getEscalation().getEscalationCode() == null || x.getEscalation().getEscalationCode().equals(thrown)));
    return caught ? null : "No boundary event of " + task.getTaskDefinitionKey() + " catches "
        + (error ? "error " : "escalation ") + thrown + ": it would end the case without its outcome";
  }

  /**
   * Why this authorization is refused: a REVOKE, which the engine would silently ignore
   * ({@code authorization-check-revokes: never}), giving a false sense of a closed door.
   */
  private static String revoke(byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      return json != null && json.path("type").asInt(-1) == Authorization.AUTH_TYPE_REVOKE
          ? "REVOKE authorizations are not checked in Redress: remove or narrow the grant instead" : null;
    } catch (IOException unreadable) {
      return null; // the engine answers for a body it cannot read
    }
  }

  /**
   * Why this filter is refused: it would show customers' personal variables in every task list,
   * reads no access log could follow (docs/security.md §3).
   */
  private String personalColumns(byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      for (JsonNode column : json == null ? JSON.createArrayNode() : json.path("properties").path("variables")) {
        if (variableReads.personal(column.path("name").asText())) {
          return "A filter cannot show " + column.path("name").asText() + ": a customer's personal data is read in"
              + " the task's form, where the read is logged";
        }
      }
      return null;
    } catch (IOException unreadable) {
      return null; // the engine answers for a body it cannot read
    }
  }

  /** Why this deletion would take running cases with it, or null when nothing of it runs. */
  private String stillRunning(String path) {
    String[] s = path.substring(1).split("/");
    ProcessInstanceQuery query = runtime.createProcessInstanceQuery();
    if (s[0].equals("deployment")) {
      query.deploymentId(s[1]);
    } else if (s[1].equals("key")) {
      query.processDefinitionKey(s[2]);
      if (s.length > 4 && s[3].equals("tenant-id")) {
        query.tenantIdIn(s[4]);
      }
    } else {
      query.processDefinitionId(s[1]);
    }
    long running = query.count();
    return running == 0 ? null : running + " process instances of it are running: they would be deleted with it";
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, int status, Caller caller,
      String reason) throws IOException {
    String who = caller == null ? "anonymous" : caller.userId();
    LOG.info("Refused {} {} for {}: {}", request.getMethod(), request.getRequestURI(), who, reason);
    // a signed-in user's refused call is evidence; an anonymous one is only logged, or anybody could fill the trail
    if (caller != null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("method", request.getMethod());
      details.put("path", request.getRequestURI().length() > 500 ? request.getRequestURI().substring(0, 500) + "…"
          : request.getRequestURI());
      details.put("user", who);
      details.put("reason", reason);
      audit.recordRefusal(SECURITY_CHAIN, null, "engine-call-refused", details);
    }
    response.setStatus(status);
    response.setHeader(REFUSED_HEADER, "allow-list");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    ObjectNode error = JSON.createObjectNode()
        .put("type", status == HttpServletResponse.SC_FORBIDDEN ? "AuthorizationException" : "InvalidRequestException")
        .put("message", reason);
    error.putNull("code");
    response.getWriter().write(JSON.writeValueAsString(error));
  }
}
