package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.redress.support.ApplicationTest;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * The engine settings behind Camunda's security notices, as an attacker with a valid account
 * would meet them: even an administrator cannot store a Java-serialized variable or run an
 * expression in an ad-hoc query, nor fetch a table in one query, and there is no H2 console.
 */
class EngineHardeningTest extends ApplicationTest {

  @Test
  void theEngineRefusesJavaSerializationScriptHostAccessAndAdhocExpressions() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(config.isConfigureScriptEngineHostAccess()).isFalse();
    assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();

    Http admin = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "hardening-admin",
        Groups.CAMUNDA_ADMIN), TestUsers.PASSWORD);
    String instance = Handling.openTask(engine, "HARDENING-1", Groups.TEAM_BILLING);

    // a serialized java.lang.String: harmless here, but any class would be accepted the same way
    String serialized = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 't', 0, 1, 'x'});
    HttpResponse<String> stored = admin.put("/engine-rest/process-instance/" + instance + "/variables/payload",
        "{\"value\": \"" + serialized + "\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\","
            + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}");
    assertThat(stored.statusCode()).as(stored.body()).isBetween(400, 599).isNotEqualTo(503);
    assertThat(engine.getRuntimeService().getVariable(instance, "payload")).isNull();

    HttpResponse<String> expression = admin.get("/engine-rest/task?maxResults=10&assigneeExpression="
        + URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8));
    assertThat(expression.statusCode()).as(expression.body()).isEqualTo(400);
    assertThat(Http.json(expression).get("message").asText()).contains("Expressions are forbidden");

    assertThat(admin.get("/h2-console", "text/html").statusCode()).isEqualTo(404);
  }

  @Test
  void noRevokesNoStandaloneTasksNoCases() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    assertThat(config.isStandaloneTasksEnabled()).isFalse();
    assertThat(config.isCmmnEnabled()).isFalse();

    // a task outside any process, with no rule of Redress around it
    assertThatThrownBy(() -> engine.getTaskService().saveTask(engine.getTaskService().newTask()))
        .hasMessageContaining("They are disabled");
    Http admin = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "hardening-admin",
        Groups.CAMUNDA_ADMIN), TestUsers.PASSWORD);
    assertThat(admin.postJson("/engine-rest/task/create", "{\"name\": \"outside\"}").statusCode()).isEqualTo(403);

    // a REVOKE would be silently ignored: refused; a grant is fine
    String revoke = "{\"type\": 2, \"permissions\": [\"READ\"], \"userId\": \"hardening-x\", \"groupId\": null,"
        + " \"resourceType\": 7, \"resourceId\": \"*\"}";
    HttpResponse<String> refused = admin.postJson("/engine-rest/authorization/create", revoke);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(Http.json(refused).get("message").asText()).contains("REVOKE authorizations are not checked");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().userIdIn("hardening-x").count()).isZero();
    HttpResponse<String> granted = admin.postJson("/engine-rest/authorization/create", revoke.replace("\"type\": 2",
        "\"type\": 1"));
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    assertThat(admin.put("/engine-rest/authorization/" + Http.json(granted).get("id").asText(),
        revoke.replace("\"type\": 2", "\"type\": 2")).statusCode()).isEqualTo(403);
  }

  @Test
  void aSignedInCallerMustPageAndGetsAtMostTwoThousandRows() {
    Http admin = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "hardening-admin",
        Groups.CAMUNDA_ADMIN), TestUsers.PASSWORD);

    HttpResponse<String> unbounded = admin.get("/engine-rest/history/activity-instance");
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(Http.json(unbounded).get("message").asText()).contains("unbound number of results is forbidden");
    assertThat(admin.get("/engine-rest/history/activity-instance?firstResult=0&maxResults=2001").statusCode())
        .isEqualTo(400);
    assertThat(admin.get("/engine-rest/history/activity-instance?firstResult=0&maxResults=2000").statusCode())
        .isEqualTo(200);
    assertThat(admin.get("/engine-rest/history/activity-instance/count").statusCode()).as("counting is not listing")
        .isEqualTo(200);
  }
}
